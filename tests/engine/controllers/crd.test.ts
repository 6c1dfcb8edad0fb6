import { describe, expect, it } from 'vitest';
import { outputs } from '../../helpers/session';

const CRD = `cat > crd.yaml <<EOF
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: crontabs.stable.example.com
spec:
  group: stable.example.com
  scope: Namespaced
  names:
    plural: crontabs
    singular: crontab
    kind: CronTab
    shortNames:
    - ct
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        x-kubernetes-preserve-unknown-fields: true
    additionalPrinterColumns:
    - name: Spec
      type: string
      jsonPath: .spec.cronSpec
EOF
cat > ct.yaml <<EOF
apiVersion: stable.example.com/v1
kind: CronTab
metadata:
  name: my-new-cron-object
spec:
  cronSpec: "* * * * */5"
  image: my-awesome-cron-image
EOF`;

describe('CustomResourceDefinitions', () => {
  it('serve their custom resources once established, and take them away when deleted', async () => {
    const out = await outputs(`
${CRD}
kubectl apply -f crd.yaml
kubectl get crd crontabs.stable.example.com -o jsonpath='{.status.conditions[*].type}'
kubectl apply -f ct.yaml
kubectl get ct
kubectl patch ct my-new-cron-object --type=merge -p '{"spec":{"image":"v2"}}'
kubectl delete crd crontabs.stable.example.com
kubectl get crontabs
`);
    expect(out[2]).toBe('customresourcedefinition.apiextensions.k8s.io/crontabs.stable.example.com created\n');
    // The runner starts a new line before the next command: jsonpath prints no newline of its own.
    expect(out[3]).toBe('NamesAccepted Established\n');
    expect(out[4]).toBe('crontab.stable.example.com/my-new-cron-object created\n');
    expect(out[5]).toMatch(/^NAME +SPEC +AGE\nmy-new-cron-object +\* \* \* \* \*\/5 +0s\n$/);
    expect(out[6]).toBe('crontab.stable.example.com/my-new-cron-object patched\n');
    expect(out[7]).toBe('customresourcedefinition.apiextensions.k8s.io "crontabs.stable.example.com" deleted\n');
    // kubectl's discovery cache still lists the type (as the real one's disk cache does), so the
    // request reaches the server, which no longer serves the path.
    expect(out[8]).toBe('Error from server (NotFound): Unable to list "stable.example.com/v1, Resource=crontabs": the server could not find the requested resource\n');
  });
});
