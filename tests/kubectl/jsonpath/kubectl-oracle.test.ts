// Differential table: every row was captured from real kubectl v1.32.4 running
// `kubectl create deployment web --image=nginx --image=redis --port=80 --replicas=3
//  --dry-run=client -o jsonpath=<input>` (and -o jsonpath-as-json). Errors keep the text before
// kubectl's debug dump; the dump itself is checked separately below.
import { describe, expect, it } from 'vitest';
import {
  jsonPathExecErrorMessage,
  jsonPathParseErrorMessage,
  parseJsonPath,
} from '../../../src/kubectl/jsonpath/index';

// The object kubectl printed for that command with -o json (a typed object: every number
// reaches the jsonpath engine as a float64, hence numberMode 'typed').
const DEPLOYMENT: unknown = {
    "kind": "Deployment",
    "apiVersion": "apps/v1",
    "metadata": {
        "name": "web",
        "creationTimestamp": null,
        "labels": {
            "app": "web"
        }
    },
    "spec": {
        "replicas": 3,
        "selector": {
            "matchLabels": {
                "app": "web"
            }
        },
        "template": {
            "metadata": {
                "creationTimestamp": null,
                "labels": {
                    "app": "web"
                }
            },
            "spec": {
                "containers": [
                    {
                        "name": "nginx",
                        "image": "nginx",
                        "ports": [
                            {
                                "containerPort": 80
                            }
                        ],
                        "resources": {}
                    },
                    {
                        "name": "redis",
                        "image": "redis",
                        "resources": {}
                    }
                ]
            }
        },
        "strategy": {}
    },
    "status": {}
};

interface Row {
  input: string;
  want: string;
  error?: boolean;
}

/** What our kubectl would print for -o jsonpath / jsonpath-as-json, errors included. */
function run(template: string, asJson: boolean): string {
  let path;
  try {
    path = parseJsonPath(template);
  } catch (e) {
    return 'error: ' + jsonPathParseErrorMessage(template, e as Error);
  }
  try {
    return asJson
      ? path.executeAsJson(DEPLOYMENT, { numberMode: 'typed' })
      : path.execute(DEPLOYMENT, { numberMode: 'typed' });
  } catch (e) {
    const full = 'error: ' + jsonPathExecErrorMessage(template, e as Error, DEPLOYMENT, 'typed');
    return full.split('. Printing more information')[0];
  }
}

const JSONPATH_ROWS: Row[] = [
  { input: "{.metadata.name}", want: "web" },
  { input: "{.metadata.labels}", want: "{\"app\":\"web\"}" },
  { input: "{.spec.replicas}", want: "3" },
  { input: "{.spec.template.spec.containers[*].name}", want: "nginx redis" },
  { input: "{range .spec.template.spec.containers[*]}{.name}{\"\\t\"}{.image}{\"\\n\"}{end}", want: "nginx\tnginx\nredis\tredis\n" },
  { input: "{.spec.template.spec.containers[0].ports}", want: "[{\"containerPort\":80}]" },
  { input: "{.spec.template.spec.containers[-1].name}", want: "redis" },
  { input: "{.spec.template.spec.containers[5].name}", want: "error: error executing jsonpath \"{.spec.template.spec.containers[5].name}\": Error executing template: array index out of bounds: index 5, length 2", error: true },
  { input: "{.spec.template.spec.containers[1:].name}", want: "redis" },
  { input: "{.spec.template.spec.containers[::-1].name}", want: "error: error executing jsonpath \"{.spec.template.spec.containers[::-1].name}\": Error executing template: step must be > 0", error: true },
  { input: "{.spec.template.spec.containers[2:1].name}", want: "error: error executing jsonpath \"{.spec.template.spec.containers[2:1].name}\": Error executing template: array index out of bounds: index 2, length 2", error: true },
  { input: "{.metadata.creationTimestamp}", want: "null" },
  { input: "{.nope}", want: "" },
  { input: "{.nope.deeper}", want: "" },
  { input: "{.metadata.name[0]}", want: "error: error executing jsonpath \"{.metadata.name[0]}\": Error executing template: string is not array or slice", error: true },
  { input: "{.a, ", want: "error: error parsing jsonpath {.a, , unrecognized character in action: U+002C ','", error: true },
  { input: "{.a", want: "error: error parsing jsonpath {.a, unclosed action", error: true },
  { input: "{*}", want: "error: error parsing jsonpath {*}, unrecognized character in action: U+002A '*'", error: true },
  { input: "{[1}", want: "error: error parsing jsonpath {[1}, unterminated array", error: true },
  { input: "{........}", want: "error: error parsing jsonpath {........}, invalid multiple recursive descent", error: true },
  { input: "{.spec.template.spec.containers[?(@.name==\"redis\")].image}", want: "redis" },
  { input: "{.spec.template.spec.containers[?(@.ports)].name}", want: "nginx" },
  { input: "{.spec.template.spec.containers[?(@.name>\"m\")].name}", want: "nginx redis" },
  { input: "{.spec.template.spec.containers[?(@.name>3)].name}", want: "error: error executing jsonpath \"{.spec.template.spec.containers[?(@.name>3)].name}\": Error executing template: incompatible types for comparison", error: true },
  { input: "{..image}", want: "nginx redis" },
  { input: "{.spec.template.spec.containers[*].ports[0].containerPort}", want: "80" },
  { input: "{.spec.template.spec.containers[0].ports[0].containerPort}", want: "80" },
  { input: "{.spec.template.spec.containers[0]['name','image']}", want: "nginx nginx" },
  { input: "{.metadata['name']}", want: "web" },
  { input: "{.metadata.labels.*}", want: "web" },
  { input: "{.spec.selector.matchLabels.app}", want: "web" },
  { input: "{.kind}/{.metadata.name}{\"\\n\"}", want: "Deployment/web\n" },
  { input: "hello", want: "hello" },
  { input: ".metadata.name", want: ".metadata.name" },
  { input: "{@}", want: "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"creationTimestamp\":null,\"labels\":{\"app\":\"web\"},\"name\":\"web\"},\"spec\":{\"replicas\":3,\"selector\":{\"matchLabels\":{\"app\":\"web\"}},\"strategy\":{},\"template\":{\"metadata\":{\"creationTimestamp\":null,\"labels\":{\"app\":\"web\"}},\"spec\":{\"containers\":[{\"image\":\"nginx\",\"name\":\"nginx\",\"ports\":[{\"containerPort\":80}],\"resources\":{}},{\"image\":\"redis\",\"name\":\"redis\",\"resources\":{}}]}}},\"status\":{}}" },
  { input: "{$.kind}", want: "Deployment" },
  { input: "{.status}", want: "{}" },
  { input: "{.spec.strategy}", want: "{}" },
  { input: "{range .spec.template.spec.containers[*]}[{.name}]{end}", want: "[nginx][redis]" },
  { input: "{end}", want: "error: error executing jsonpath \"{end}\": Error executing template: not in range, nothing to end", error: true },
  { input: "{foo}", want: "error: error executing jsonpath \"{foo}\": Error executing template: unrecognized identifier foo", error: true },
  { input: "{true}", want: "true" },
  { input: "{1.5}", want: "1.5" },
  { input: "{-3}", want: "-3" },
  { input: "{1000000.5}", want: "1.0000005e+06" },
  { input: "{.spec.template.spec.containers[?(@.ports[0].containerPort==80)].name}", want: "error: error executing jsonpath \"{.spec.template.spec.containers[?(@.ports[0].containerPort==80)].name}\": Error executing template: incompatible types for comparison", error: true },
  { input: "{.spec.template.spec.containers[?(@.ports[0].containerPort==80.0)].name}", want: "nginx" },
  { input: "{.spec.template.spec.containers[0].name[*]}", want: "error: error executing jsonpath \"{.spec.template.spec.containers[0].name[*]}\": Error executing template: string is not array or slice", error: true },
  { input: "{.spec.replicas[0]}", want: "error: error executing jsonpath \"{.spec.replicas[0]}\": Error executing template: float64 is not array or slice", error: true },
  { input: "{.metadata[?(@.x)]}", want: "error: error executing jsonpath \"{.metadata[?(@.x)]}\": Error executing template: map[creationTimestamp:<nil> labels:map[app:web] name:web] is not array or slice and cannot be filtered", error: true },
  { input: "{'a\\tb'}", want: "a\tb" },
  { input: "{\"\\q\"}", want: "error: error parsing jsonpath {\"\\q\"}, unquote string \"\\q\" error invalid syntax", error: true },
  { input: "{.spec.template.spec.containers[:1]}", want: "{\"image\":\"nginx\",\"name\":\"nginx\",\"ports\":[{\"containerPort\":80}],\"resources\":{}}" },
  { input: "{range .spec.template.spec.containers[*]}{range .ports[*]}{.containerPort}-{end};{end}", want: "80-;;" },
  { input: "{.spec.template.spec.containers[1:1]}", want: "" },
  { input: "{.spec.template.spec.containers[0:5]}", want: "error: error executing jsonpath \"{.spec.template.spec.containers[0:5]}\": Error executing template: array index out of bounds: index 4, length 2", error: true },
  { input: "{.spec.template.spec.containers[-5:]}", want: "error: error executing jsonpath \"{.spec.template.spec.containers[-5:]}\": Error executing template: array index out of bounds: index -3, length 2", error: true },
  { input: "{.spec.template.spec.containers[::0]}", want: "error: error executing jsonpath \"{.spec.template.spec.containers[::0]}\": Error executing template: step must be > 0", error: true },
  { input: "{.items[*]}", want: "" },
  { input: "{range .items[*]}{.x}{end}after", want: "after" },
  { input: "{[?(@.x==1)]}", want: "error: error executing jsonpath \"{[?(@.x==1)]}\": Error executing template: map[apiVersion:apps/v1 kind:Deployment metadata:map[creationTimestamp:<nil> labels:map[app:web] name:web] spec:map[replicas:3 selector:map[matchLabels:map[app:web]] strategy:map[] template:map[metadata:map[creationTimestamp:<nil> labels:map[app:web]] spec:map[containers:[map[image:nginx name:nginx ports:[map[containerPort:80]] resources:map[]] map[image:redis name:redis resources:map[]]]]]] status:map[]] is not array or slice and cannot be filtered", error: true },
  { input: "{.metadata.name}{\"<>&\"}", want: "web<>&" },
  { input: "{.metadata}", want: "{\"creationTimestamp\":null,\"labels\":{\"app\":\"web\"},\"name\":\"web\"}" },
];

const AS_JSON_ROWS: Row[] = [
  { input: "{.metadata.name}", want: "[\n    \"web\"\n]\n" },
  { input: "{.metadata.labels}", want: "[\n    {\n        \"app\": \"web\"\n    }\n]\n" },
  { input: "{.spec.replicas}", want: "[\n    3\n]\n" },
  { input: "{.spec.template.spec.containers[*].name}", want: "[\n    \"nginx\",\n    \"redis\"\n]\n" },
  { input: "{range .spec.template.spec.containers[*]}{.name}{\"\\t\"}{.image}{\"\\n\"}{end}", want: "[\n    \"nginx\"\n]\n[\n    \"\\t\"\n]\n[\n    \"nginx\"\n]\n[\n    \"\\n\"\n]\n[\n    \"redis\"\n]\n[\n    \"\\t\"\n]\n[\n    \"redis\"\n]\n[\n    \"\\n\"\n]\n" },
  { input: "{.metadata.creationTimestamp}", want: "[\n    null\n]\n" },
  { input: "{.nope}", want: "[]\n" },
  { input: "{.metadata.name}{\"<>&\"}", want: "[\n    \"web\"\n]\n[\n    \"\\u003c\\u003e\\u0026\"\n]\n" },
  { input: "hello", want: "[\n    \"hello\"\n]\n" },
  { input: "{1.5}{5}{true}", want: "[\n    1.5\n]\n[\n    5\n]\n[\n    true\n]\n" },
  { input: "{.status}", want: "[\n    {}\n]\n" },
];

describe('-o jsonpath matches kubectl 1.32.4', () => {
  it.each(JSONPATH_ROWS)('$input', ({ input, want }) => {
    expect(run(input, false)).toBe(want);
  });
});

describe('-o jsonpath-as-json matches kubectl 1.32.4', () => {
  it.each(AS_JSON_ROWS)('$input', ({ input, want }) => {
    expect(run(input, true)).toBe(want);
  });
});

describe('execution error message', () => {
  it('dumps the object as Go %#v and ends with three newlines, as kubectl 1.32.4 does', () => {
    const template = '{.metadata.name[0]}';
    const path = parseJsonPath(template);
    let err: Error | undefined;
    try {
      path.execute(DEPLOYMENT, { numberMode: 'typed' });
    } catch (e) {
      err = e as Error;
    }
    expect(err).toBeDefined();
    expect(jsonPathExecErrorMessage(template, err!, DEPLOYMENT, 'typed')).toBe(
      'error executing jsonpath "{.metadata.name[0]}": Error executing template: string is not array or slice. ' +
        'Printing more information for debugging the template:\n' +
        '\ttemplate was:\n\t\t{.metadata.name[0]}\n' +
        '\tobject given to jsonpath engine was:\n\t\t' +
        'map[string]interface {}{"apiVersion":"apps/v1", "kind":"Deployment", "metadata":map[string]interface {}{"creationTimestamp":interface {}(nil), "labels":map[string]interface {}{"app":"web"}, "name":"web"}, ' +
        '"spec":map[string]interface {}{"replicas":3, "selector":map[string]interface {}{"matchLabels":map[string]interface {}{"app":"web"}}, "strategy":map[string]interface {}{}, ' +
        '"template":map[string]interface {}{"metadata":map[string]interface {}{"creationTimestamp":interface {}(nil), "labels":map[string]interface {}{"app":"web"}}, ' +
        '"spec":map[string]interface {}{"containers":[]interface {}{map[string]interface {}{"image":"nginx", "name":"nginx", "ports":[]interface {}{map[string]interface {}{"containerPort":80}}, "resources":map[string]interface {}{}}, ' +
        'map[string]interface {}{"image":"redis", "name":"redis", "resources":map[string]interface {}{}}}}}}, "status":map[string]interface {}{}}\n\n\n',
    );
  });
});
