"""Example Airflow DAGs running the fti jobs: feature -> training -> inference (4 shards) -> monitoring.

The tasks run the jobs from a checkout of the fti workspace with `npm ci` done (FTI_ROOT, default
/opt/fti), exactly as `nx run <app>:start` does. To run them in Kubernetes instead, swap each BashOperator
for a KubernetesPodOperator with the image from deploy/docker/Dockerfile (`--build-arg APP=<job>`) and the
same arguments (apache-airflow-providers-cncf-kubernetes).

Monitoring's exit code 3 means "retrain": the retraining policy in
examples/online-retail/monitoring-job.yaml fired. The monitoring task turns it into the XCom value
"retrain", and the `decide` branch then triggers the `fti_retrain` DAG (training -> inference). Any other
non-zero exit code fails the task as usual.
"""

from __future__ import annotations

import os
from datetime import datetime, timedelta

from airflow import DAG

try:  # Airflow 3
    from airflow.providers.standard.operators.bash import BashOperator
    from airflow.providers.standard.operators.empty import EmptyOperator
    from airflow.providers.standard.operators.python import BranchPythonOperator
    from airflow.providers.standard.operators.trigger_dagrun import TriggerDagRunOperator
except ImportError:  # Airflow 2
    from airflow.operators.bash import BashOperator
    from airflow.operators.empty import EmptyOperator
    from airflow.operators.python import BranchPythonOperator
    from airflow.operators.trigger_dagrun import TriggerDagRunOperator

FTI_ROOT = os.environ.get("FTI_ROOT", "/opt/fti")
TSX = "npx tsx --conditions=@fti/source"
SHARDS = 4
RETRAIN_EXIT_CODE = 3

FEATURE = (
    f"{TSX} apps/feature/src/main.ts --config examples/online-retail/feature-job.yaml --date {{{{ ds }}}}"
)
TRAINING = f"{TSX} apps/training/src/main.ts --config examples/online-retail/training-job.yaml"
MONITORING = f"{TSX} apps/monitoring/src/main.ts --config examples/online-retail/monitoring-job.yaml"


def inference(shard: int) -> str:
    """The command scoring one shard of the run date's features with the `staging` model."""
    return (
        f"{TSX} apps/inference/src/main.ts --model customer-buys-90d --alias staging "
        f"--date {{{{ ds }}}} --shard {shard}/{SHARDS}"
    )


# The last stdout line is the XCom value: "retrain" on exit code 3, "ok" on 0; other codes fail the task.
MONITORING_WITH_VERDICT = f"""
set +e
{MONITORING}
code=$?
if [ "$code" -eq {RETRAIN_EXIT_CODE} ]; then echo retrain
elif [ "$code" -eq 0 ]; then echo ok
else exit "$code"
fi
"""


def decide(ti) -> str:
    """Follows monitoring's verdict: exit code 3 ("retrain") triggers the retraining DAG."""
    verdict = ti.xcom_pull(task_ids="monitoring")
    return "trigger_retrain" if verdict == "retrain" else "healthy"


default_args = {
    "owner": "fti",
    "retries": 1,
    "retry_delay": timedelta(minutes=10),
    "cwd": FTI_ROOT,
}

with DAG(
    dag_id="fti_loop",
    description="fti: feature -> training -> inference -> monitoring",
    schedule="@daily",
    start_date=datetime(2026, 1, 1),
    catchup=False,
    max_active_runs=1,
    default_args=default_args,
    tags=["fti"],
) as loop_dag:
    feature = BashOperator(task_id="feature", bash_command=FEATURE)
    training = BashOperator(task_id="training", bash_command=TRAINING)
    scoring = [
        BashOperator(task_id=f"inference_shard_{i}", bash_command=inference(i)) for i in range(SHARDS)
    ]
    monitoring = BashOperator(task_id="monitoring", bash_command=MONITORING_WITH_VERDICT, retries=0)
    branch = BranchPythonOperator(task_id="decide", python_callable=decide)
    trigger_retrain = TriggerDagRunOperator(task_id="trigger_retrain", trigger_dag_id="fti_retrain")
    healthy = EmptyOperator(task_id="healthy")

    feature >> training >> scoring >> monitoring >> branch >> [trigger_retrain, healthy]

with DAG(
    dag_id="fti_retrain",
    description="fti: retraining after monitoring exited with code 3, then rescoring",
    schedule=None,
    start_date=datetime(2026, 1, 1),
    catchup=False,
    max_active_runs=1,
    default_args=default_args,
    tags=["fti"],
) as retrain_dag:
    retrain = BashOperator(task_id="training", bash_command=TRAINING)
    rescoring = [
        BashOperator(task_id=f"inference_shard_{i}", bash_command=inference(i)) for i in range(SHARDS)
    ]
    retrain >> rescoring
