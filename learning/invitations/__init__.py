"""Inviting people to a board and accepting an invitation: the model, the CSV upload, the
services, the pages and their URLs in one place.

The model stays in the `learning` app (label and table unchanged): learning.models imports it.
"""
