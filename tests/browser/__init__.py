"""Browser tests (headless Debian Chromium driven by Playwright).

A package, so that this folder's test_walk.py does not clash with tests/pages/test_walk.py
under pytest's default (prepend) import mode.
"""
