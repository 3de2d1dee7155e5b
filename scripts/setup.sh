#!/usr/bin/env bash
# scripts/setup.sh [--test]
#
# Installs everything Clara needs on a fresh Debian 12 / Ubuntu 24.04 machine and is safe to
# run again: the apt packages (LLVM 19, the targets' cross compilers, the reference gcc-12 for
# x86-64), a virtual environment in .venv, and Clara itself (`pip install -e .`, which builds
# the LLVM plugin with CMake).
# With --test it also installs the test, training (torch CPU, xgboost-cpu, scikit-learn) and
# Ray extras, so the tests can run every training command and the Ray executor.
set -euo pipefail
cd "$(dirname "$0")/.."

extras=""
case "${1:-}" in
  "") ;;
  --test) extras="[test,train,ray]" ;;
  -h|--help) sed -n '2,9s/^# \{0,1\}//p' "$0"; exit 0 ;;
  *) echo "setup: unknown argument '$1' (usage: scripts/setup.sh [--test]; --help explains)" >&2
     exit 2 ;;
esac

apt_packages=(
  clang-19 llvm-19-dev libclang-19-dev llvm-19-tools   # analysis compiler, opt, FileCheck
  cmake ninja-build python3-venv python3-dev            # plugin build, venv
  gcc-12-aarch64-linux-gnu g++-12-aarch64-linux-gnu     # bluefield2 target compiler
  gcc-12-mips64-linux-gnuabi64 g++-12-mips64-linux-gnuabi64  # octeon target compiler
  gcc-12-arm-linux-gnueabi g++-12-arm-linux-gnueabi     # agilio-cx proxy compiler
  gcc-12 g++-12                                         # reference compiler (x86-64 host build)
  binutils-aarch64-linux-gnu binutils-mips64-linux-gnuabi64 binutils-arm-linux-gnueabi
  tcpdump                                               # independent pcap reader in tests
  qemu-user                                             # qemu-aarch64 + TCG plugins: ground-truth counts (docs/qemu-validation.md)
)
missing=()
for package in "${apt_packages[@]}"; do
  case "$package" in \#*) continue ;; esac
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing apt packages: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi

python="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv with $($python --version)"
  "$python" -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
echo "setup: installing Clara${extras} into .venv (builds libClaraPasses.so)"
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".${extras}"
