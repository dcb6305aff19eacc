"""Importing regulation texts: read a PDF or text copy, clean it, parse its structure, apply
amendments, extract organisation facts, and report or write them into the content.

The modules form a pipeline, each a set of pure functions over the dataclasses in ``model``;
only ``read`` (files in) and ``apply`` (files out) touch the file system.
"""
