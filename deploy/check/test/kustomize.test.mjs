// The kustomize renderer on small kustomizations of its own: what it does, and what it refuses.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { render } from "../lib/kustomize.mjs";

const root = mkdtempSync(join(tmpdir(), "cinemates-kustomize-"));
after(() => rmSync(root, { recursive: true, force: true }));

function tree(name, files) {
  const dir = join(root, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
spec:
  selector:
    matchLabels: {app: app}
  template:
    metadata:
      labels: {app: app}
    spec:
      containers:
        - name: app
          image: example/app:1
          env:
            - {name: A, value: "1"}
            - {name: B, value: "2"}
        - name: sidecar
          image: example/sidecar:1
`;
const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: app
spec:
  selector: {app: app}
  ports:
    - {name: http, port: 80}
`;

describe("the kustomize renderer", () => {
  it("merges containers and env by name, sets namespace and images, deletes with $patch", () => {
    const dir = tree("merge", {
      "base/kustomization.yaml": "resources: [app.yaml]\n",
      "base/app.yaml": `${DEPLOYMENT}---\n${SERVICE}`,
      "overlay/kustomization.yaml": `namespace: team
resources: [../base]
images:
  - {name: example/app, newName: registry.test/app, newTag: "2"}
patches:
  - path: env.yaml
  - path: drop.yaml
    target: {kind: Service}
`,
      "overlay/env.yaml": `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
spec:
  template:
    spec:
      containers:
        - name: app
          env:
            - {name: B, value: "3"}
            - {name: C, value: "4"}
`,
      "overlay/drop.yaml": "$patch: delete\napiVersion: v1\nkind: Service\nmetadata:\n  name: any\n",
    });
    const [deployment, ...rest] = render(join(dir, "overlay"));
    assert.deepEqual(rest, []);
    assert.equal(deployment.metadata.namespace, "team");
    const [app, sidecar] = deployment.spec.template.spec.containers;
    assert.equal(app.image, "registry.test/app:2");
    assert.equal(sidecar.image, "example/sidecar:1");
    // As kustomize orders them: the patch's items, then the rest.
    assert.deepEqual(app.env, [{ name: "B", value: "3" }, { name: "C", value: "4" }, { name: "A", value: "1" }]);
  });

  it("applies JSON 6902 patches and components to every target", () => {
    const dir = tree("json", {
      "base/kustomization.yaml": "resources: [app.yaml]\n",
      "base/app.yaml": SERVICE,
      "component/kustomization.yaml": "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources: [extra.yaml]\n",
      "component/extra.yaml": SERVICE.replace("name: app\nspec", "name: extra\nspec"),
      "overlay/kustomization.yaml": `resources: [../base]
components: [../component]
patches:
  - target: {kind: Service, name: "app|extra"}
    patch: |
      - {op: add, path: /metadata/annotations, value: {a~b/c: "1"}}
      - {op: replace, path: /spec/ports/0/port, value: 8080}
`,
    });
    const services = render(join(dir, "overlay"));
    assert.deepEqual(services.map((s) => s.metadata.name), ["app", "extra"]);
    for (const s of services) {
      assert.equal(s.spec.ports[0].port, 8080);
      assert.deepEqual(s.metadata.annotations, { "a~b/c": "1" });
    }
  });

  it("refuses what it does not implement, and patches that select nothing", () => {
    const unsupported = tree("unsupported", { "kustomization.yaml": "resources: [app.yaml]\ncommonLabels: {a: b}\n", "app.yaml": SERVICE });
    assert.throws(() => render(unsupported), /'commonLabels' is not supported/);
    const nothing = tree("nothing", {
      "kustomization.yaml": "resources: [app.yaml]\npatches:\n  - target: {kind: Ingress}\n    patch: '[{op: remove, path: /spec}]'\n",
      "app.yaml": SERVICE,
    });
    assert.throws(() => render(nothing), /selects nothing/);
    const twice = tree("twice", { "kustomization.yaml": "resources: [a.yaml, b.yaml]\n", "a.yaml": SERVICE, "b.yaml": SERVICE });
    assert.throws(() => render(twice), /defined twice/);
    const unusedImage = tree("image", { "kustomization.yaml": "resources: [app.yaml]\nimages: [{name: nothing, newTag: x}]\n", "app.yaml": DEPLOYMENT });
    assert.throws(() => render(unusedImage), /used by no container/);
  });
});
