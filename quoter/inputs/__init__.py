"""Inputs: the client's requirements, the price book (wages, loads, rates, labour facts) and the one YAML reader.

Everything a quote reads from outside is validated here, with every problem named by its path and line.
"""
