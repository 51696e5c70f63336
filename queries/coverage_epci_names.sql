-- Names of EPCI by code. $codes: list of EPCI codes.
SELECT code, name FROM ref.epci WHERE list_contains($codes, code) ORDER BY code
