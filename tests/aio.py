"""Run a coroutine to completion from a test, whatever event loop the worker already runs."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor


def run(coroutine):
    """``asyncio.run`` in a thread of its own.

    Playwright's sync API keeps an event loop running in the test worker's main thread once a
    browser test has run there, and ``asyncio.run`` refuses to start beside it.
    """
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
