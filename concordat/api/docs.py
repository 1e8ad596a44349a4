"""A plain reference page for the API, built from its OpenAPI document (no script needed)."""

METHODS = ("get",)


def _type(schema):
    if not schema:
        return ""
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if "anyOf" in schema:
        kinds = [_type(option) for option in schema["anyOf"] if option.get("type") != "null"]
        return " or ".join(kinds)
    if "enum" in schema:
        return "one of " + ", ".join(str(value) for value in schema["enum"])
    if schema.get("type") == "array":
        return f"list of {_type(schema.get('items', {}))}"
    kind = schema.get("type", "")
    if schema.get("format"):
        kind = f"{kind} ({schema['format']})"
    return kind


def _limits(schema):
    options = schema.get("anyOf", [schema])
    notes = []
    for option in options:
        if "minimum" in option and "maximum" in option:
            notes.append(f"{option['minimum']} to {option['maximum']}")
        if "pattern" in option:
            notes.append("lower-case letters, digits and hyphens")
    if "default" in schema and schema["default"] not in (None, ""):
        notes.append(f"default {schema['default']}")
    return "; ".join(notes)


def operations(api):
    schema = api.get_openapi_schema()
    found = []
    for route, methods in schema["paths"].items():
        for method in METHODS:
            operation = methods.get(method)
            if operation is None:
                continue
            responses = operation.get("responses", {})
            ok = responses.get("200", responses.get(200, {}))
            content = ok.get("content", {})
            media = next(iter(content), "application/json")
            found.append(
                {
                    "path": route,
                    "is_csv": media == "text/csv",
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "tag": (operation.get("tags") or [""])[0],
                    "parameters": [
                        {
                            "name": parameter["name"],
                            "where": parameter["in"],
                            "required": parameter.get("required", False),
                            "type": _type(parameter.get("schema", {})),
                            "limits": _limits(parameter.get("schema", {})),
                            "description": parameter.get("description", "")
                            or parameter.get("schema", {}).get("description", ""),
                        }
                        for parameter in operation.get("parameters", [])
                    ],
                    "returns": _type(content.get(media, {}).get("schema", {})),
                }
            )
    return found


def components(api):
    schemas = api.get_openapi_schema().get("components", {}).get("schemas", {})
    result = []
    for name, schema in sorted(schemas.items()):
        if (
            name.startswith("Paged")
            or name.endswith(("Filters", "Input"))
            or "properties" not in schema
        ):
            continue
        result.append(
            {
                "name": name,
                "fields": [
                    {
                        "name": field,
                        "type": _type(detail),
                        "description": detail.get("description", ""),
                    }
                    for field, detail in schema["properties"].items()
                ],
            }
        )
    return result
