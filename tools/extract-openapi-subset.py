#!/usr/bin/env python3
"""Cuts the subset of PowerOffice's official v2 OpenAPI spec that pogo-bridge uses.

Usage: python3 tools/extract-openapi-subset.py <path to the full openapi.yaml> > src/test/resources/poweroffice-openapi/openapi-subset.yaml

The subset keeps the operations the server calls (and the sandbox answers) and every schema they reach,
unchanged, so the contract tests validate against PowerOffice's own definitions.
"""
import sys
import yaml

OPERATIONS = {
    "/ClientIntegrationInformation": ["get"],
    "/GeneralLedgerAccounts": ["get"],
    "/VatCodes": ["get"],
    "/Departments": ["get"],
    "/Projects": ["get"],
    "/Customers": ["get"],
    "/Products": ["get"],
    "/LockDateSettings": ["get"],
    "/Vouchers/CashJournals": ["post"],
    "/Vouchers/CashJournals/{id}": ["get"],
    "/Vouchers/Reverse/{id}": ["post"],
    "/SalesOrders/Complete": ["post"],
    "/AccountTransactions": ["get"],
    "/TrialBalance": ["get"],
    "/VoucherDocumentation": ["get", "put"],
}


def refs(node, found):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                found.add(value.rsplit("/", 1)[-1])
            else:
                refs(value, found)
    elif isinstance(node, list):
        for value in node:
            refs(value, found)


def main(path):
    spec = yaml.safe_load(open(path, encoding="utf-8"))
    paths = {p: {m: spec["paths"][p][m] for m in methods} for p, methods in OPERATIONS.items()}
    schemas = spec["components"]["schemas"]
    wanted, todo = set(), set()
    refs(paths, todo)
    while todo:
        name = todo.pop()
        if name in wanted:
            continue
        wanted.add(name)
        refs(schemas[name], todo)
    subset = {
        "openapi": spec["openapi"],
        "info": spec["info"],
        "servers": [{"url": "/v2"}],
        "paths": paths,
        "components": {"schemas": {n: schemas[n] for n in sorted(wanted)}},
    }
    print("# Subset of PowerOffice GO's official v2 OpenAPI spec, cut by tools/extract-openapi-subset.py.")
    print("# Origin: github.com/stianwe/PowerOfficeGoV2, api/openapi.yaml, commit b9bc503 (April 2025), MIT licence;")
    print("# merged from PowerOffice's per-area v2 specs. Operations and schemas are copied unchanged.")
    yaml.safe_dump(subset, sys.stdout, sort_keys=False, allow_unicode=True, width=120)


if __name__ == "__main__":
    main(sys.argv[1])
