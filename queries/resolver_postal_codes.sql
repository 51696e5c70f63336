-- Postal code to commune pairs (a postal code may serve several communes). Parameters: none.
SELECT postal_code, commune_code
FROM postal_codes
ORDER BY postal_code, commune_code
