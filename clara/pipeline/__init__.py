"""Whole NF pipelines (issue #9): Click configurations (``.click`` files) as graphs of elements.

``config_lang`` owns the Click configuration language: the data model, the parser, compound
flattening and port checks. The other modules resolve element classes to sources, analyze the
element graph's paths and plug pipelines into ``clara analyze``.
"""
