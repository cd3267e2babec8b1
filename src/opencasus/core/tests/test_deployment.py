"""The deployment files of deploy/: the Kubernetes manifests and the podman pod, validated offline against
the Kubernetes schemas (kubernetes-validate bundles them), and the rules every workload keeps: not root,
resources, probes, secrets only by reference. Building and running the images is scripts/container_smoke.sh."""

from __future__ import annotations

import copy
import string
import subprocess
from pathlib import Path
from typing import Any

import kubernetes_validate
import pytest
import yaml

DEPLOY = Path(__file__).resolve().parents[4] / "deploy"
KUBERNETES = DEPLOY / "kubernetes"
# The oldest Kubernetes release still supported upstream when this was written; the manifests use nothing newer.
KUBERNETES_VERSION = "1.31.0"
WORKLOADS = {"Deployment", "Job", "CronJob"}


def manifests() -> list[dict[str, Any]]:
    documents = []
    for path in sorted(KUBERNETES.glob("*.yaml")):
        if path.name != "kustomization.yaml":
            documents += [doc for doc in yaml.safe_load_all(path.read_text()) if doc]
    return documents


def pod_spec(resource: dict[str, Any]) -> dict[str, Any]:
    spec = resource["spec"]
    if resource["kind"] == "CronJob":
        spec = spec["jobTemplate"]["spec"]
    return dict(spec["template"]["spec"])


def podman_pod() -> dict[str, Any]:
    text = (DEPLOY / "podman" / "opencasus-pod.yaml").read_text()
    filled = string.Template(text).substitute(
        STACK_NAME="opencasus", POSTGRES_PASSWORD="pw", SECRET_KEY="sk", OPENCASUS_FIELD_KEY="fk",
        OPENCASUS_HOST="localhost", OPENCASUS_PORT="8443", OPENCASUS_BIND="127.0.0.1",
        OPENCASUS_INSTALLATION_NAME="podman", TLS_DIR="/srv/opencasus/tls")
    return dict(yaml.safe_load(filled))


def name_of(resource: dict[str, Any]) -> str:
    return f"{resource['kind']}/{resource['metadata']['name']}"


@pytest.mark.parametrize("resource", manifests(), ids=name_of)
def test_manifest_is_valid_kubernetes(resource: dict[str, Any]) -> None:
    kubernetes_validate.validate(resource, KUBERNETES_VERSION, strict=True)


def test_podman_pod_is_valid_kubernetes() -> None:
    kubernetes_validate.validate(podman_pod(), KUBERNETES_VERSION, strict=True)


def test_the_validation_rejects_a_misspelt_field() -> None:
    web = next(r for r in manifests() if name_of(r) == "Deployment/opencasus-web")
    broken = copy.deepcopy(web)
    broken["spec"]["template"]["spec"]["containers"][0]["readinesProbe"] = broken["spec"]["template"]["spec"][
        "containers"][0].pop("readinessProbe")
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, KUBERNETES_VERSION, strict=True)


def test_kustomization_lists_every_manifest_and_image() -> None:
    kustomization = yaml.safe_load((KUBERNETES / "kustomization.yaml").read_text())
    files = {p.name for p in KUBERNETES.glob("*.yaml")} - {"kustomization.yaml"}
    assert set(kustomization["resources"]) == files
    images = {c["image"] for r in manifests() if r["kind"] in WORKLOADS for c in pod_spec(r)["containers"]}
    assert images == {image["name"] for image in kustomization["images"]}


def test_the_three_processes_and_the_migrations_run_from_the_one_image() -> None:
    commands = {r["metadata"]["name"]: pod_spec(r)["containers"][0].get("args") for r in manifests()
                if r["kind"] in {"Deployment", "Job"}}
    assert commands == {"opencasus-web": ["web"], "opencasus-worker": ["worker"], "opencasus-beat": ["beat"],
                        "opencasus-migrate": ["migrate"]}


@pytest.mark.parametrize("resource", [r for r in manifests() if r["kind"] in WORKLOADS], ids=name_of)
def test_workload_runs_unprivileged_with_resources(resource: dict[str, Any]) -> None:
    spec = pod_spec(resource)
    assert spec["securityContext"]["runAsNonRoot"] is True
    assert spec["securityContext"]["runAsUser"] != 0
    assert spec["automountServiceAccountToken"] is False
    for container in spec["containers"]:
        assert {"cpu", "memory"} <= set(container["resources"]["requests"])
        assert {"cpu", "memory"} <= set(container["resources"]["limits"])
        assert container["securityContext"]["allowPrivilegeEscalation"] is False
        assert container["securityContext"]["readOnlyRootFilesystem"] is True
        assert container["securityContext"]["capabilities"]["drop"] == ["ALL"]


@pytest.mark.parametrize("resource", [r for r in manifests() if r["kind"] in WORKLOADS], ids=name_of)
def test_secrets_come_only_from_the_secret(resource: dict[str, Any]) -> None:
    for container in pod_spec(resource)["containers"]:
        for variable in container.get("env", []):
            if variable["name"] in {"SECRET_KEY", "OPENCASUS_FIELD_KEY", "DATABASE_URL", "CELERY_BROKER_URL"}:
                assert "value" not in variable
                assert variable["valueFrom"]["secretKeyRef"]["name"] == "opencasus-secrets"
    config = next(r for r in manifests() if r["kind"] == "ConfigMap")
    assert not {"SECRET_KEY", "OPENCASUS_FIELD_KEY", "DATABASE_URL", "CELERY_BROKER_URL"} & set(config["data"])


def test_web_is_ready_only_when_the_database_answers() -> None:
    web = next(r for r in manifests() if name_of(r) == "Deployment/opencasus-web")
    container = pod_spec(web)["containers"][0]
    readiness = container["readinessProbe"]["httpGet"]
    assert readiness["path"] == "/gezondheid"
    config = next(r for r in manifests() if r["kind"] == "ConfigMap")
    headers = {h["name"]: h["value"] for h in readiness["httpHeaders"]}
    # ALLOWED_HOSTS accepts the probe and the production settings' https redirect does not answer it.
    assert headers == {"Host": config["data"]["ALLOWED_HOSTS"].split(",")[0], "X-Forwarded-Proto": "https"}
    assert "tcpSocket" in container["livenessProbe"]


def test_beat_is_a_single_replica_replaced_not_rolled() -> None:
    beat = next(r for r in manifests() if name_of(r) == "Deployment/opencasus-beat")
    assert beat["spec"]["replicas"] == 1
    assert beat["spec"]["strategy"]["type"] == "Recreate"


def test_entrypoint_refuses_an_unknown_process() -> None:
    result = subprocess.run(["sh", str(DEPLOY / "container" / "entrypoint.sh"), "webserver"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 64
    assert "unknown command 'webserver'" in result.stderr
