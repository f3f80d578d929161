# Sourced by the project's scripts: tools the project installed come first on PATH,
# so Trunk finds npm's wasm-opt 132 and never Debian's binaryen.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$root/node_modules/.bin:$HOME/.cargo/bin:$PATH"
