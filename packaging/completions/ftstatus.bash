# bash completion for ftstatus: commands, each command's options and the
# values of those that have a fixed set (--lang, --format, --labels, ...),
# read from `ftstatus [COMMAND] --help` at each completion, so they are the
# installed binary's own; files where a file goes.

# The help line of option $2 in help text $1 ("  -o,--output FILE   Write ...").
_ftstatus_option_line() {
  printf '%s\n' "$1" | grep -E -m 1 -- "^ +(-[A-Za-z],)?$2([ =:]|$)"
}

_ftstatus() {
  local cur prev command="" i help line values
  COMPREPLY=()
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=""
  ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
  for ((i = 1; i < COMP_CWORD; i++)); do
    case ${COMP_WORDS[i]} in
      classify | codes | columns | diff | lint | report | tree | validate)
        command=${COMP_WORDS[i]}
        break
        ;;
    esac
  done
  help=$(LC_ALL=C "${COMP_WORDS[0]}" ${command:+"$command"} --help 2>/dev/null) || return 0

  # A value for the option before the cursor.
  if [[ $prev == -* && $prev != *=* ]]; then
    line=$(_ftstatus_option_line "$help" "$prev")
    if [[ $line =~ :\{([^}]*)\} ]]; then
      values=${BASH_REMATCH[1]}
      mapfile -t COMPREPLY < <(compgen -W "${values//,/ }" -- "$cur")
      return 0
    fi
    if [[ $line =~ ^\ +(-[A-Za-z],)?--?[A-Za-z0-9-]+\ (FILE|DIR) ]]; then
      mapfile -t COMPREPLY < <(compgen -f -- "$cur")
      return 0
    fi
    # Any other value (a date, a number, a name): nothing to offer.
    [[ $line =~ ^\ +(-[A-Za-z],)?--?[A-Za-z0-9-]+\ [A-Z] ]] && return 0
  fi

  if [[ $cur == -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$(printf '%s\n' "$help" | grep -oE -- '^ +(-[A-Za-z],)?--[A-Za-z0-9-]+' |
      tr ',' '\n' | tr -d ' ')" -- "$cur")
  elif [[ -z $command ]]; then
    mapfile -t COMPREPLY < <(compgen -W "classify codes columns diff lint report tree validate" -- "$cur")
  else
    # An input file, for the commands that read one.
    case $command in classify | columns | diff | report | validate) mapfile -t COMPREPLY < <(compgen -f -- "$cur") ;; esac
  fi
  return 0
}
complete -o filenames -F _ftstatus ftstatus
