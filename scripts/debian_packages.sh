# Sourced by the scripts that install what they need: `install_debian_packages PKG…` installs
# Debian packages with apt-get (through sudo unless root); its output goes to stderr.
install_debian_packages() {
    [ $# -gt 0 ] || return 0
    local sudo_=""
    [ "$(id -u)" = 0 ] || sudo_=sudo
    ($sudo_ apt-get update -qq && $sudo_ apt-get install -y -qq --no-install-recommends "$@") >&2
}
