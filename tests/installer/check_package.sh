#!/usr/bin/env bash
# Builds the Linux packages of a built tree with CPack and checks them the way a user's system
# would see them:
#   .deb    control fields (name, version, architecture, section, maintainer, homepage), Depends
#           covering every library the binary links (found with readelf/ldd/dpkg -S, independently
#           of dpkg-shlibdeps) and the Qt plugin packages; the file list (binary, launcher,
#           AppStream metainfo, MIME type, every icon size); then, extracted into a scratch root:
#           desktop-file-validate, appstreamcli validate --no-net, icon sizes, the binary starts
#           (--version) and creates a project, and a .mlens file is recognised as
#           application/x-marketlens-project while other SQLite files stay application/vnd.sqlite3.
#   .tar.gz bin/marketlens and the desktop files.
# Usage: check_package.sh BUILD_DIR   (registered in ctest as `package_deb`). Exit 0 pass, 1 fail,
# 77 skipped (not a Debian system).
set -euo pipefail

build=$(cd "${1:?usage: check_package.sh BUILD_DIR}" && pwd)
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok:   $*"; }
skip() { echo "skip: $*"; }
# check COMMAND... -- WHAT: pass WHAT when the command succeeds, fail it otherwise.
check() {
  local args=()
  while [[ $1 != -- ]]; do args+=("$1"); shift; done
  shift
  if "${args[@]}"; then pass "$*"; else fail "$*"; fi
}

for tool in cpack dpkg-deb dpkg-shlibdeps; do
  if ! command -v "$tool" >/dev/null; then
    echo "check_package: $tool not found (Debian packages dpkg-dev and cmake); skipped" >&2
    exit 77
  fi
done
if [[ ! -x "$build/bin/marketlens" ]]; then
  echo "check_package: $build/bin/marketlens is not built" >&2
  exit 1
fi

version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")
arch=$(dpkg --print-architecture)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/marketlens-package.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# --- build the packages ---
if ! cpack --config "$build/CPackConfig.cmake" -G "DEB;TGZ" -B "$tmp/out" >"$tmp/cpack.log" 2>&1
then
  cat "$tmp/cpack.log" >&2
  echo "FAIL: cpack" >&2
  exit 1
fi
deb="$tmp/out/marketlens_${version}_${arch}.deb"
tgz=$(find "$tmp/out" -maxdepth 1 -name "marketlens-${version}-*.tar.gz" | head -n 1)
[[ -f "$deb" ]] || { ls -l "$tmp/out" >&2; echo "FAIL: no $(basename "$deb")" >&2; exit 1; }
if [[ -z "$tgz" ]]; then
  ls -l "$tmp/out" >&2
  echo "FAIL: no marketlens-$version-*.tar.gz" >&2
  exit 1
fi
echo "packages: $(du -h "$deb" | cut -f1) $(basename "$deb"), $(du -h "$tgz" | cut -f1)" \
     "$(basename "$tgz")"

# --- control fields ---
field() { dpkg-deb -f "$deb" "$1"; }
expect_field() {
  local got
  got=$(field "$1")
  if [[ "$got" == "$2" ]]; then pass "$1: $got"; else fail "$1 is '$got', expected '$2'"; fi
}
expect_field Package marketlens
expect_field Version "$version"
expect_field Architecture "$arch"
expect_field Section science
for f in Maintainer Homepage Installed-Size; do
  if [[ -n "$(field "$f")" ]]; then pass "$f: $(field "$f")"; else fail "no $f field"; fi
done
description=$(field Description)
if [[ "$(head -n 1 <<<"$description")" == "Desktop analytics for financial analysts" ]] &&
   (($(wc -l <<<"$description") >= 3)); then
  pass "Description: a summary and $(($(wc -l <<<"$description") - 1)) lines"
else
  fail "Description lacks the summary or the long text: $description"
fi

widest=$(awk '{ print length }' <<<"$description" | sort -n | tail -n 1)
check test "$widest" -le 80 -- "Description lines fit 80 columns (widest $widest)"

# Depends as one package name per line (alternatives split, versions dropped).
depends=$(field Depends | tr ',|' '\n' | sed 's/(.*)//; s/[[:space:]]//g' | sort -u)
has_dep() { grep -qxF "$1" <<<"$depends"; }        # a package name
has_dep_like() { grep -qxE "$1" <<<"$depends"; }   # a regular expression
# A library's package may be reached through a metapackage of alternatives: libopenblas.so.0 is in
# libopenblas0-openmp here while shlibdeps writes libopenblas0 (= -pthread | -openmp | -serial).
covers() {
  local owner=$1 d
  has_dep "$owner" && return 0
  local d_depends
  for d in $depends; do
    # (apt-cache, not dpkg-query: the metapackage itself need not be installed here.)
    d_depends=$(apt-cache show --no-all-versions "$d" 2>/dev/null | sed -n 's/^Depends: //p' |
                tr ',|' '\n' | sed 's/(.*)//; s/[[:space:]]//g; s/:any$//' || true)
    if grep -qxF "$owner" <<<"$d_depends"; then
      echo "$d"
      return 0
    fi
  done
  return 1
}

# --- extract into a scratch root ---
root="$tmp/root"
dpkg-deb -x "$deb" "$root"
exe="$root/usr/bin/marketlens"

# Every library the binary links directly must come from a package in Depends.
mapfile -t needed < <(readelf -d "$exe" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
if ((${#needed[@]} < 5)); then fail "readelf found only ${#needed[@]} NEEDED libraries"; fi
ldd_out=$(ldd "$exe")
for so in "${needed[@]}"; do
  # "libx.so => /path (addr)", or the dynamic loader itself: "/lib64/ld-linux-x86-64.so.2 (addr)"
  # (NEEDED when the binary reaches a shared library's thread_local, e.g. LibTorch's dispatch
  # state through c10::InferenceMode).
  path=$(awk -v so="$so" '$1 == so && $2 == "=>" { print $3; exit }
    { n = split($1, part, "/"); if (n > 1 && part[n] == so) { print $1; exit } }' <<<"$ldd_out")
  if [[ -z "$path" || "$path" == "not" ]]; then fail "$so does not resolve"; continue; fi
  owner=$(dpkg -S "$(readlink -f "$path")" 2>/dev/null | head -n 1 | cut -d: -f1 || true)
  if [[ -z "$owner" ]]; then
    owner=$(dpkg -S "$path" 2>/dev/null | head -n 1 | cut -d: -f1 || true)
  fi
  if [[ -z "$owner" ]]; then fail "$so ($path) belongs to no package"; continue; fi
  if via=$(covers "$owner"); then
    pass "Depends has ${via:+$via -> }$owner ($so)"
  else
    fail "Depends lacks $owner ($so)"
  fi
done
# The names the issue cares about, spelled out (so a rename of the link set is noticed), and the
# packages holding the Qt plugins that shlibdeps cannot see: libqt6gui6 (xcb, offscreen platform
# plugins; jpeg/gif/ico) and libqt6svg6 (SVG image format and icon engine).
for p in libqt6core6 libqt6gui6 libqt6widgets6 libqt6charts6 libqt6svg6 'libtorch[0-9.]*' \
         libsqlite3-0; do
  if has_dep_like "$p"; then pass "Depends matches $p"; else fail "Depends has no $p"; fi
done
for plugin in platforms/libqxcb.so imageformats/libqsvg.so iconengines/libqsvgicon.so; do
  path=$(find /usr/lib -path "*/qt6/plugins/$plugin" -print -quit)
  if [[ -z "$path" ]]; then skip "$plugin not on this system"; continue; fi
  owner=$(dpkg -S "$path" 2>/dev/null | head -n 1 | cut -d: -f1 || true)
  check has_dep "$owner" -- "Depends has $owner ($plugin)"
done
recommends=$(field Recommends)
check grep -q qt6-wayland <<<"$recommends" -- "Recommends qt6-wayland (got: $recommends)"

# --- file list ---
listing=$(dpkg-deb -c "$deb" | awk '{ print $6 }' | sed 's|^\./|/|')
expect_file() {
  if grep -qxF "$1" <<<"$listing"; then pass "file $1"; else fail "the .deb lacks $1"; fi
}
share=/usr/share
expect_file /usr/bin/marketlens
expect_file $share/applications/marketlens.desktop
expect_file $share/metainfo/io.github.marketlens.MarketLens.metainfo.xml
expect_file $share/mime/packages/marketlens.xml
expect_file $share/doc/marketlens/copyright
expect_file $share/icons/hicolor/scalable/apps/marketlens.svg
expect_file $share/icons/hicolor/scalable/mimetypes/application-x-marketlens-project.svg
for n in 16 22 24 32 48 64 128 256 512; do
  expect_file "$share/icons/hicolor/${n}x${n}/apps/marketlens.png"
done
for n in 16 22 24 32 48 64 128 256; do
  expect_file "$share/icons/hicolor/${n}x${n}/mimetypes/application-x-marketlens-project.png"
done
if grep -q '^/usr/local/' <<<"$listing"; then fail "files under /usr/local"; fi

# Each PNG is the size its folder says (width and height from the PNG header).
while IFS= read -r png; do
  dir=$(basename "$(dirname "$(dirname "$png")")")
  read -r w h < <(od -An -tu1 -j16 -N8 "$root$png" |
                  awk '{ print $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8 }')
  if [[ "${w}x${h}" != "$dir" ]]; then fail "$png is ${w}x${h}"; fi
done < <(grep '\.png$' <<<"$listing")
pass "every icon PNG has its folder's size"

# --- desktop file, metainfo, consistency between them ---
desktop="$root$share/applications/marketlens.desktop"
metainfo="$root$share/metainfo/io.github.marketlens.MarketLens.metainfo.xml"
mime_xml="$root$share/mime/packages/marketlens.xml"
if command -v desktop-file-validate >/dev/null; then
  if out=$(desktop-file-validate "$desktop" 2>&1) && [[ -z "$out" ]]; then
    pass "desktop-file-validate"
  else
    fail "desktop-file-validate: $out"
  fi
else
  skip "desktop-file-validate not installed (desktop-file-utils)"
fi
if command -v appstreamcli >/dev/null; then
  if out=$(appstreamcli validate --no-net "$metainfo" 2>&1); then
    pass "appstreamcli validate --no-net"
  else
    fail "appstreamcli validate: $out"
  fi
else
  skip "appstreamcli not installed (appstream)"
fi
grep -qx 'MimeType=application/x-marketlens-project;' "$desktop" || fail ".desktop MimeType"
grep -q '<mime-type type="application/x-marketlens-project">' "$mime_xml" || fail "MIME XML type"
grep -q '<glob pattern="\*.mlens"/>' "$mime_xml" || fail "MIME XML glob"
grep -qx 'Icon=marketlens' "$desktop" || fail ".desktop Icon"
grep -q '<launchable type="desktop-id">marketlens.desktop</launchable>' "$metainfo" ||
  fail "metainfo launchable"
grep -q "<release version=\"$version\"" "$metainfo" || fail "metainfo has no release $version"
exec_name=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop")
[[ -x "$root/usr/bin/$exec_name" ]] || fail ".desktop Exec=$exec_name is not in /usr/bin"
pass ".desktop, metainfo and MIME type refer to each other and to the files"

# --- the extracted program runs ---
if out=$(QT_QPA_PLATFORM=offscreen "$exe" --version 2>&1) && [[ "$out" == *"$version"* ]]; then
  pass "usr/bin/marketlens --version: $out"
else
  fail "usr/bin/marketlens --version printed: $out"
fi
project="$tmp/analysis.mlens"
if QT_QPA_PLATFORM=offscreen "$exe" new "$project" >/dev/null 2>&1 && [[ -s "$project" ]] &&
   [[ "$(head -c 15 "$project")" == "SQLite format 3" ]]; then
  pass "usr/bin/marketlens new writes a project (an SQLite file)"
else
  fail "usr/bin/marketlens new $project failed"
fi

# --- the MIME type, as the desktop resolves it (shared-mime-info database + GLib) ---
if command -v update-mime-database >/dev/null && command -v gio >/dev/null && [[ -s "$project" ]]
then
  if ! update-mime-database "$root$share/mime" 2>"$tmp/mime.log"; then
    fail "update-mime-database: $(cat "$tmp/mime.log")"
  fi
  cp "$project" "$tmp/plain.sqlite"
  type_of() {
    XDG_DATA_HOME="$tmp/nohome" XDG_DATA_DIRS="$root$share:/usr/share" \
      gio info -a standard::content-type "$1" | sed -n 's/.*standard::content-type: //p'
  }
  got=$(type_of "$project")
  check test "$got" = application/x-marketlens-project -- "*.mlens is '$got'"
  got=$(type_of "$tmp/plain.sqlite")
  check test "$got" = application/vnd.sqlite3 -- "other SQLite files stay '$got'"
else
  skip "update-mime-database or gio not installed (shared-mime-info, libglib2.0-bin)"
fi

# --- the .tar.gz ---
tgz_listing=$(tar -tzf "$tgz")
top="marketlens-$version-$(basename "$tgz" .tar.gz | sed "s/^marketlens-$version-//")"
for f in bin/marketlens share/applications/marketlens.desktop \
         share/icons/hicolor/256x256/apps/marketlens.png share/mime/packages/marketlens.xml; do
  check grep -qxF "$top/$f" <<<"$tgz_listing" -- "tar.gz has $top/$f"
done

if ((failures > 0)); then
  echo "check_package: $failures check(s) failed" >&2
  exit 1
fi
echo "check_package: all checks passed"
