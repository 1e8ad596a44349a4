"""Write open-data listings as CSV: streamed to the browser, or into a file for the ZIP."""

import csv

from django.http import StreamingHttpResponse

from .columns import row

CHUNK = 2000


class _Echo:
    def write(self, value):
        return value


def rows(columns, queryset):
    yield [column.name for column in columns]
    items = queryset.iterator(chunk_size=CHUNK) if hasattr(queryset, "iterator") else queryset
    for item in items:
        yield row(columns, item)


def csv_response(*, filename, columns, queryset):
    writer = csv.writer(_Echo())
    response = StreamingHttpResponse(
        (writer.writerow(values) for values in rows(columns, queryset)),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def write_csv(fileobj, *, columns, queryset):
    writer = csv.writer(fileobj)
    count = -1
    for values in rows(columns, queryset):
        writer.writerow(values)
        count += 1
    return count
