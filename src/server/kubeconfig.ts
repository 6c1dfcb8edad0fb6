// The kubeconfig `npm run serve` writes: one cluster, user and context named `kubeplay`, plain
// HTTP to the served address, no credentials (the server has no authentication).

/** Kubeconfig YAML pointing kubectl at `server` (e.g. `http://127.0.0.1:6443`). */
export function kubeconfigYaml(server: string, namespace = 'default'): string {
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- cluster:',
    `    server: ${server}`,
    '  name: kubeplay',
    'contexts:',
    '- context:',
    '    cluster: kubeplay',
    `    namespace: ${namespace}`,
    '    user: kubeplay',
    '  name: kubeplay',
    'current-context: kubeplay',
    'preferences: {}',
    'users:',
    '- name: kubeplay',
    '  user: {}',
    '',
  ].join('\n');
}
