"""The site-wide publication counter: how many writes to public data there have ever been.

Every INSERT, UPDATE or DELETE on a table of `registry.PUBLIC_MODELS` is followed, on the same
connection and so in the same transaction, by an INSERT into `Change`. Inserts take no lock
that another writer waits for, so concurrent writers never queue or deadlock on the counter,
and a rolled-back write takes its change row with it. Readers get the counter and the time of
the last change in one statement (`publication_state`), which sees one snapshot: the count
moves exactly when the data it stands for is committed.

`Change` is kept short: after a commit that wrote some, rows past `KEEP` are folded into
`Counter.pruned` in one transaction, which leaves the sum unchanged.
"""

import re
import time
from dataclasses import dataclass

from django.db import DEFAULT_DB_ALIAS, IntegrityError, connections, transaction
from django.db.backends.signals import connection_created
from django.db.models import Max
from django.db.models.signals import post_migrate, pre_migrate

from .registry import public_tables

WRITE = re.compile(r'\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?([A-Za-z0-9_]+)"?', re.I)
INSERT_CHANGE = 'INSERT INTO "pagecache_change" ("at") VALUES (%s)'
STATE = (
    'SELECT (SELECT COUNT(*) FROM "pagecache_change")'
    ' + COALESCE((SELECT "pruned" FROM "pagecache_counter" WHERE "id" = 1), 0),'
    ' (SELECT MAX("at") FROM "pagecache_change"),'
    ' (SELECT "pruned_at" FROM "pagecache_counter" WHERE "id" = 1)'
)
# The reader counts the rows left, so few are kept: the count costs about a single-row read.
KEEP = 20
PRUNE_EVERY = 20

_tracking = {"on": True, "inserts": 0, "prune_due": False}


@dataclass(frozen=True)
class PublicationState:
    counter: int
    changed_at: float | None  # seconds since the epoch; None when nothing has changed yet


def publication_state(using=DEFAULT_DB_ALIAS):
    """The counter and the time of the last change, read in one statement."""
    with connections[using].cursor() as cursor:
        cursor.execute(STATE)
        count, last, pruned_at = cursor.fetchone()
    times = [value for value in (last, pruned_at) if value is not None]
    return PublicationState(counter=int(count or 0), changed_at=max(times) if times else None)


def publication_bump(using=DEFAULT_DB_ALIAS):
    """Count a change that the registry cannot see (a file rebuilt outside the database)."""
    _record(connections[using])


def _record(connection):
    with connection.cursor() as cursor:
        cursor.execute(INSERT_CHANGE, [time.time()])
    _tracking["inserts"] += 1
    if _tracking["inserts"] % PRUNE_EVERY == 0:
        _tracking["prune_due"] = True
    # Pruned after the commit of a transaction: in autocommit, on_commit would run at once,
    # inside the statement this wrapper is still executing (SQLite refuses to commit then).
    if _tracking["prune_due"] and connection.in_atomic_block:
        _tracking["prune_due"] = False
        alias = connection.alias
        transaction.on_commit(lambda: prune(using=alias), using=alias)


def _track(execute, sql, params, many, context):
    result = execute(sql, params, many, context)
    if _tracking["on"] and sql[:8].lstrip()[:1] in ("I", "U", "D", "i", "u", "d"):
        match = WRITE.match(sql)
        if match and match.group(1) in public_tables():
            _record(context["connection"])
    return result


def _add_tracker(sender, connection, **kwargs):
    if _track not in connection.execute_wrappers:
        connection.execute_wrappers.insert(0, _track)


def _pause(**kwargs):
    _tracking["on"] = False


def _resume(sender, using=DEFAULT_DB_ALIAS, **kwargs):
    """After migrate (a deploy, new code): count one change, so every page is built again."""
    if sender.label != "pagecache":
        return
    _tracking["on"] = True
    publication_bump(using=using)


def install():
    connection_created.connect(_add_tracker, dispatch_uid="concordat-pagecache-track")
    pre_migrate.connect(_pause, dispatch_uid="concordat-pagecache-pause")
    post_migrate.connect(_resume, dispatch_uid="concordat-pagecache-resume")
    for connection in connections.all(initialized_only=True):
        _add_tracker(None, connection)


def prune(using=DEFAULT_DB_ALIAS, keep=KEEP):
    """Fold all but the newest `keep` change rows into the counter row; the sum stays."""
    from .models import Change, Counter

    changes = Change.objects.using(using)
    if changes.count() <= keep:
        return 0
    try:
        with transaction.atomic(using=using):
            counter, _ = Counter.objects.using(using).select_for_update().get_or_create(pk=1)
            boundary = list(changes.order_by("-pk").values_list("pk", flat=True)[keep : keep + 1])
            older = changes.filter(pk__lte=boundary[0] if boundary else 0)
            last = older.aggregate(last=Max("at"))["last"]
            deleted, _ = older.delete()
            counter.pruned += deleted
            if last is not None:
                counter.pruned_at = max(last, counter.pruned_at or last)
            counter.save(update_fields=["pruned", "pruned_at"])
    except IntegrityError:  # two first prunes created the row at once; the next one folds
        return 0
    return deleted
