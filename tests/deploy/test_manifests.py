"""The deployment files are checked without a Docker engine or a cluster: the Dockerfile by
hadolint, compose and the Caddyfile by their structure (Caddy validates its own), and every
Kubernetes overlay rendered by `kubectl kustomize` and validated: core kinds against a
pinned Kubernetes version, CloudNativePG's against a JSON Schema of the fields we use."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import kubernetes_validate
import pytest
import yaml
from deploy_support import ROOT

DEPLOY = ROOT / "deploy"
K8S_VERSION = "1.31.0"  # the oldest minor the supported platforms still run
OVERLAYS = ["staging", "production"]
CNPG_KINDS = {"Cluster", "ScheduledBackup", "ObjectStore"}
CNPG_SCHEMA = json.loads((Path(__file__).parent / "schemas" / "cloudnative-pg.json").read_text())
PLUGIN = "barman-cloud.cloudnative-pg.io"


def test_the_dockerfile_passes_hadolint_and_keeps_its_promises() -> None:
    hadolint = Path(sys.executable).with_name("hadolint")
    linted = subprocess.run([str(hadolint), "--no-color", str(DEPLOY / "Dockerfile")],
                            capture_output=True, text=True, timeout=60)
    assert linted.returncode == 0 and linted.stdout == "", linted.stdout
    text = (DEPLOY / "Dockerfile").read_text()
    stages = re.findall(r"^FROM (\S+) AS (\w+)", text, re.MULTILINE)
    assert [name for _, name in stages] == ["build", "runtime"]
    runtime = text.split("AS runtime", 1)[1]
    assert "COPY --from=build /opt/diarycard /opt/diarycard" in runtime
    assert not re.search(r"^COPY (?!--from)", runtime, re.MULTILINE)  # no source
    assert not re.search(r"apt-get|gcc|build-essential", runtime)
    assert re.search(r"^USER 10001", runtime, re.MULTILINE)
    assert "HEALTHCHECK" in runtime and "/healthz" in runtime
    assert 'ENTRYPOINT ["diarycard"]' in runtime and 'CMD ["serve"' in runtime
    assert 'VOLUME ["/tmp"]' in runtime  # the only place written: read-only root works


def test_compose_runs_migrate_first_and_keeps_the_migrator_out_of_the_app() -> None:
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    services = compose["services"]
    assert services["db"]["image"].startswith("postgres:16")
    assert "pgdata:/var/lib/postgresql/data" in services["db"]["volumes"]
    migrate = services["migrate"]
    assert migrate["command"] == ["migrate"] and migrate["restart"] == "no"
    assert "diarycard_migrator" in migrate["environment"]["DIARYCARD_MIGRATE_URL"]
    assert migrate["depends_on"]["db"]["condition"] == "service_healthy"
    for name in ("app1", "app2"):
        app = services[name]
        assert "DIARYCARD_MIGRATE_URL" not in app["environment"]
        assert "diarycard_app" in app["environment"]["DATABASE_URL"]
        assert app["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
        assert app["read_only"] is True and app["tmpfs"] == ["/tmp"]
        assert app["cap_drop"] == ["ALL"] and app["user"] == "10001:10001"
    caddy = services["caddy"]
    assert "./Caddyfile:/etc/caddy/Caddyfile:ro" in caddy["volumes"]
    assert caddy["environment"]["DIARYCARD_UPSTREAMS"] == "app1:8000 app2:8000"
    assert {s: c["condition"] for s, c in caddy["depends_on"].items()} == {
        "app1": "service_healthy", "app2": "service_healthy"}
    trusted = services["app1"]["environment"]["DIARYCARD_TRUSTED_PROXIES"]
    assert caddy["networks"]["front"]["ipv4_address"] == trusted
    assert compose["networks"]["back"]["internal"] is True


@pytest.mark.skipif(shutil.which("caddy") is None, reason="scripts/test installs caddy")
def test_the_caddyfile_is_valid_and_compresses_no_api_answer() -> None:
    env = {**os.environ, "DIARYCARD_UPSTREAMS": "127.0.0.1:1 127.0.0.1:2", "HOME": "/tmp"}
    valid = subprocess.run(["caddy", "adapt", "--config", str(DEPLOY / "Caddyfile"),
                            "--adapter", "caddyfile"], capture_output=True, text=True,
                           env=env, timeout=60)
    assert valid.returncode == 0, valid.stderr
    config = json.loads(valid.stdout)
    server = next(iter(config["apps"]["http"]["servers"].values()))
    assert server["read_header_timeout"] == 10_000_000_000  # 10 s, in nanoseconds
    assert server["read_timeout"] == 60_000_000_000
    handlers = json.dumps(server["routes"])
    assert '"encode"' in handlers and '"/api/*"' in handlers and '"not"' in handlers
    assert '"health_checks"' in handlers and '"/readyz"' in handlers


def _render(overlay: str) -> list[dict[str, Any]]:
    rendered = subprocess.run(["kubectl", "kustomize", str(DEPLOY / "k8s" / "overlays" / overlay)],
                              capture_output=True, text=True, timeout=60)
    assert rendered.returncode == 0, rendered.stderr
    return [doc for doc in yaml.safe_load_all(rendered.stdout) if doc]


@pytest.fixture(scope="module", params=OVERLAYS)
def overlay(request: pytest.FixtureRequest) -> tuple[str, dict[tuple[str, str], dict[str, Any]]]:
    docs = _render(request.param)
    return request.param, {(d["kind"], d["metadata"]["name"]): d for d in docs}


def test_every_manifest_validates(overlay) -> None:
    name, resources = overlay
    core = cnpg = 0
    for (kind, _), doc in resources.items():
        assert doc["metadata"]["namespace"] == f"diarycard{'-staging' if name == 'staging' else ''}"
        if kind in CNPG_KINDS:
            jsonschema.validate(doc, CNPG_SCHEMA)
            cnpg += 1
        else:
            kubernetes_validate.validate(doc, K8S_VERSION, strict=True)
            core += 1
    print(f"\n{name}: {core} core resources valid against Kubernetes {K8S_VERSION} (strict), "
          f"{cnpg} CloudNativePG resources valid against tests/deploy/schemas")
    assert cnpg == 3 and core >= 11


def test_the_cnpg_schema_refuses_the_deprecated_backup_field(overlay) -> None:
    _, resources = overlay
    cluster = json.loads(json.dumps(resources[("Cluster", "diarycard-db")]))
    cluster["spec"]["backup"] = {"barmanObjectStore": {"destinationPath": "s3://x"}}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(cluster, CNPG_SCHEMA)


def test_the_app_runs_hardened_with_probes_and_room_to_fail(overlay) -> None:
    _, resources = overlay
    deployment = resources[("Deployment", "diarycard")]
    assert deployment["spec"]["replicas"] >= 3
    pod = deployment["spec"]["template"]["spec"]
    assert pod["securityContext"]["runAsNonRoot"] is True
    (app,) = pod["containers"]
    assert app["readinessProbe"]["httpGet"]["path"] == "/readyz"
    assert app["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert set(app["resources"]) == {"requests", "limits"}
    hardening = app["securityContext"]
    assert hardening["readOnlyRootFilesystem"] is True
    assert hardening["allowPrivilegeEscalation"] is False
    assert hardening["capabilities"]["drop"] == ["ALL"]
    env = {e["name"] for e in app["env"]}
    assert env == {"DATABASE_URL"}  # never the migrator's URL
    job = resources[("Job", "diarycard-migrate")]["spec"]["template"]["spec"]
    (migrate,) = job["containers"]
    assert migrate["args"] == ["migrate"]
    assert {e["name"] for e in migrate["env"]} == {"DATABASE_URL", "DIARYCARD_MIGRATE_URL"}
    assert resources[("HorizontalPodAutoscaler", "diarycard")]["spec"]["minReplicas"] >= 3
    assert resources[("PodDisruptionBudget", "diarycard")]["spec"]["minAvailable"] >= 2
    ingress = resources[("Ingress", "diarycard")]["spec"]
    assert ingress["tls"][0]["hosts"][0] == ingress["rules"][0]["host"]


def test_the_reminder_worker_runs_apart_hardened_and_watched(overlay) -> None:
    _, resources = overlay
    web = resources[("Deployment", "diarycard")]["spec"]["template"]["spec"]["containers"][0]
    assert "--no-worker" in web["args"]
    worker = resources[("Deployment", "diarycard-worker")]["spec"]
    assert worker["replicas"] >= 2
    (box,) = worker["template"]["spec"]["containers"]
    assert box["args"][0] == "worker"
    assert box["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert box["securityContext"]["readOnlyRootFilesystem"] is True
    assert box["securityContext"]["capabilities"]["drop"] == ["ALL"]
    names = {e["name"] for e in box["env"]}
    assert "DIARYCARD_MIGRATE_URL" not in names and "DATABASE_URL" in names
    policy = resources[("NetworkPolicy", "diarycard-worker")]["spec"]
    assert policy["ingress"] == []
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text())["services"]
    assert compose["worker"]["command"][0] == "worker"
    assert "--no-worker" in compose["app1"]["command"]


def test_the_database_is_three_instances_synchronous_and_backed_up(overlay) -> None:
    _, resources = overlay
    cluster = resources[("Cluster", "diarycard-db")]["spec"]
    assert cluster["instances"] == 3
    assert cluster["postgresql"]["synchronous"]["number"] >= 1
    assert cluster["postgresql"]["synchronous"]["dataDurability"] == "required"
    (plugin,) = cluster["plugins"]
    assert plugin["name"] == PLUGIN and plugin["isWALArchiver"] is True
    store = resources[("ObjectStore", plugin["parameters"]["barmanObjectName"])]
    credentials = store["spec"]["configuration"]["s3Credentials"]
    assert credentials["accessKeyId"]["name"] == credentials["secretAccessKey"]["name"]
    backup = resources[("ScheduledBackup", "diarycard-db-nightly")]["spec"]
    assert backup["method"] == "plugin" and backup["pluginConfiguration"]["name"] == PLUGIN
    assert backup["cluster"]["name"] == "diarycard-db"
    roles = {r["name"]: r for r in cluster["managed"]["roles"]}
    app = roles["diarycard_app"]
    assert not any(app[k] for k in ("superuser", "createdb", "createrole", "replication"))
    assert cluster["bootstrap"]["initdb"]["owner"] == "diarycard_migrator"


def test_only_the_ingress_reaches_the_app_and_only_ours_reach_the_database(overlay) -> None:
    _, resources = overlay
    web = resources[("NetworkPolicy", "diarycard-web")]["spec"]
    (rule,) = web["ingress"]
    (peer,) = rule["from"]
    assert peer["namespaceSelector"]["matchLabels"] == {
        "kubernetes.io/metadata.name": "ingress-nginx"}
    db = resources[("NetworkPolicy", "diarycard-db")]["spec"]
    assert db["podSelector"]["matchLabels"] == {"cnpg.io/cluster": "diarycard-db"}
    peers = [p for r in db["ingress"] for p in r["from"]]
    allowed = [
        p.get("namespaceSelector", {}).get("matchLabels", {}) | p["podSelector"]["matchLabels"]
        for p in peers
    ]
    assert allowed == [
        {"app.kubernetes.io/name": "diarycard"},
        {"cnpg.io/cluster": "diarycard-db"},
        {"kubernetes.io/metadata.name": "cnpg-system", "app.kubernetes.io/name": "cloudnative-pg"},
    ]
