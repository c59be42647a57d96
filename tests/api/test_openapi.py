"""/api/openapi.json is an OpenAPI 3.1 document that openapi-spec-validator accepts and that
describes every API query with the parameters its catalogue header declares."""

from api_support import PARAMETERISED, SELECTS, get
from openapi_spec_validator import validate
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError


def document(port) -> dict:
    answer = get(port, "/api/openapi.json")
    assert answer.status == 200
    assert answer.headers["Content-Type"] == "application/json"
    return answer.json()


def test_the_document_is_valid_openapi_3_1(port):
    spec = document(port)
    assert spec["openapi"].startswith("3.1")
    validate(spec)  # raises on any error


def test_the_validator_does_reject_a_broken_document(port):
    spec = document(port)
    spec["paths"][f"/api/{PARAMETERISED[0].name}"]["get"]["parameters"][0]["in"] = "body"  # Swagger 2 only
    try:
        validate(spec)
    except OpenAPIValidationError:
        return
    raise AssertionError("a parameter `in: body` passed the validator")


def test_every_api_query_and_its_parameters_are_described(port):
    spec = document(port)
    for entry in SELECTS:
        operation = spec["paths"][f"/api/{entry.name}"]["get"]
        declared = {p["name"]: p for p in operation["parameters"] if "name" in p}
        assert set(declared) == {p.name for p in entry.parameters}
        for parameter in entry.parameters:
            assert declared[parameter.name]["required"] is parameter.required
            assert declared[parameter.name]["schema"]["type"] == parameter.schema["type"]
        assert f"/api/{entry.name}.{{format}}" in spec["paths"]


def test_the_server_is_the_host_asked(port):
    assert document(port)["servers"] == [{"url": f"http://127.0.0.1:{port}"}]
