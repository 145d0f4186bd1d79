"""camelCase on the wire, snake_case in Python: the API's names in both directions."""

import re


def camel_case(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def snake_case(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).lower()


def camelize(value):
    """`value` with every key of every object in it camelCased."""
    if isinstance(value, dict):
        return {camel_case(str(key)): camelize(item) for key, item in value.items()}
    if isinstance(value, list):
        return [camelize(item) for item in value]
    return value
