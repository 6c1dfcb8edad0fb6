// Lesson 1: the first tutorial's path (seeds/002): a Deployment of nginx, scale it, expose it with a
// LoadBalancer Service, open it, then roll it to httpd while watching from a second terminal.

import type { Lesson } from '../types';
import { deploymentReady, loadBalancerAddress, notYet, OK, selectedPods, templateImages } from '../checks';
import { DEPLOYMENT_YML, SERVICE_YML } from './manifests';

const DEPLOY = 'sample-deployment';

export const firstDeployment: Lesson = {
  id: 'first-deployment',
  title: 'Your first Deployment',
  steps: [
    {
      title: 'Create a Deployment',
      text:
        'A Deployment keeps a number of identical pods running. Write the manifest to a file and apply it:\n\n' +
        '```\ncat > deployment.yml <<EOF\n' + DEPLOYMENT_YML + 'EOF\nkubectl apply -f deployment.yml\n```\n\n' +
        'Then look at it with `kubectl get deploy` and `kubectl get pods`: the pod goes from ContainerCreating to Running.',
      hints: ['The editor on the right can hold deployment.yml too: press Apply (Ctrl-S) to run `kubectl apply -f deployment.yml`.', '`kubectl describe deploy sample-deployment` shows its events.'],
      solution: `cat > deployment.yml <<EOF\n${DEPLOYMENT_YML}EOF\nkubectl apply -f deployment.yml\nsleep 30s\nkubectl get deploy\n`,
      check: (o) => deploymentReady(o, DEPLOY),
    },
    {
      title: 'Scale it to 3 replicas',
      text: 'Change `replicas: 1` to `replicas: 3` in deployment.yml and apply it again (or run `kubectl scale deploy sample-deployment --replicas=3`). Watch two new pods appear with `kubectl get pods`.',
      hints: ['`kubectl apply` answers `deployment.apps/sample-deployment configured` when something changed.'],
      solution: 'kubectl scale deployment sample-deployment --replicas=3\nsleep 30s\nkubectl get pods\n',
      check: (o) => deploymentReady(o, DEPLOY, 3),
    },
    {
      title: 'Expose it with a LoadBalancer Service',
      text:
        'A Service gives the pods one stable address. Create service.yml and apply it:\n\n' +
        '```\ncat > service.yml <<EOF\n' + SERVICE_YML + 'EOF\nkubectl apply -f service.yml\n```\n\n' +
        '`kubectl get svc` shows its EXTERNAL-IP once the (simulated) cloud load balancer is ready. Open that address in the Browser panel: nginx answers.',
      hints: ['The selector `app: sample-app` is what links the Service to the Deployment\'s pods.', '`kubectl describe svc sample-service` lists the Endpoints.'],
      solution: `cat > service.yml <<EOF\n${SERVICE_YML}EOF\nkubectl apply -f service.yml\nsleep 10s\nkubectl get svc sample-service\n`,
      check: (o) => {
        const svc = o.get('Service', 'default', 'sample-service');
        if (!svc) return notYet('There is no Service "sample-service" in the default namespace yet.');
        const spec = (svc.spec ?? {}) as { type?: string; selector?: Record<string, string> };
        if (spec.type !== 'LoadBalancer') return notYet(`The Service "sample-service" is of type ${spec.type ?? 'ClusterIP'}; it should be a LoadBalancer.`);
        if (selectedPods(o, spec.selector ?? {}).length === 0) return notYet('The Service "sample-service" selects no pods: its selector should be app=sample-app.');
        if (!loadBalancerAddress(svc)) return notYet('The load balancer of "sample-service" has no external address yet.');
        return OK;
      },
    },
    {
      title: 'Roll out httpd',
      text:
        'Open a second terminal tab (+) and watch the ReplicaSets and pods there: `kubectl get pods -w`. ' +
        'In the first one, change the image from nginx to httpd: edit `image: nginx:1.7.9` to `image: httpd` in deployment.yml and apply it, ' +
        'or run `kubectl set image deployment/sample-deployment nginx-container=httpd`. ' +
        'Pods of a new ReplicaSet start while the old ones terminate, never dropping below the available minimum. Reload the Browser panel: httpd says "It works!".',
      hints: ['`kubectl rollout status deployment/sample-deployment` waits until the rollout is done.', '`kubectl get rs` shows the old ReplicaSet scaled to 0.'],
      solution: 'kubectl set image deployment/sample-deployment nginx-container=httpd\nsleep 60s\nkubectl rollout status deployment/sample-deployment\n',
      check: (o) => {
        const d = o.get('Deployment', 'default', DEPLOY);
        if (!d) return notYet(`There is no Deployment "${DEPLOY}" any more.`);
        const images = templateImages(d);
        if (!images.some((i) => /^(docker\.io\/(library\/)?)?httpd(:|@|$)/.test(i))) return notYet(`The Deployment "${DEPLOY}" still runs ${images.join(', ')}; change its image to httpd.`);
        return deploymentReady(o, DEPLOY, 3);
      },
    },
  ],
};
