"""An index for claims.tasks.dossier_jobs on PostgreSQL, the set-up of many servers.

The done page and every status poll look up a claim's renders in the task queue's table by
task path and the task's first argument (the claim's id, in the JSON `args_kwargs`). Without
an index that is a scan of every task kept (two weeks, until prune_db_task_results): with
50,000 rows, 5.2 ms a lookup. The index is on the expression Django's lookup
`args_kwargs__args__0` writes on PostgreSQL (`args_kwargs #> '{args,0}'`);
tests/dossier/test_queue.py checks that the planner uses it. SQLite, one laptop's set-up,
keeps the scan: Django binds that lookup's JSON path as a parameter there, and SQLite only
matches an index expression written with literals.
"""

from django.db import migrations

INDEX = "claims_dossier_render_lookup"
TABLE = "django_tasks_database_dbtaskresult"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{INDEX}" ON "{TABLE}" '
            '("task_path", ("args_kwargs" #> \'{args,0}\'))'
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f'DROP INDEX IF EXISTS "{INDEX}"')


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0013_evidence_small_thumbnail"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [migrations.RunPython(create_index, drop_index)]
