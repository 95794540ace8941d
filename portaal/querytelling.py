"""Counts the database queries of each request in a response header, for scripts/benchmark_paginas.py.

Only in MIDDLEWARE when ``ZIO_QUERIES_TELLEN`` is set (see portaal/settings.py): the benchmark reads
``X-Aantal-Queries`` next to the bytes of each page. Never on in production.
"""

from __future__ import annotations

from django.db import connection

HEADER = "X-Aantal-Queries"


class QueryTellingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        aantal = 0

        def tel(execute, sql, params, many, context):
            nonlocal aantal
            aantal += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(tel):
            response = self.get_response(request)
        response[HEADER] = str(aantal)
        return response
