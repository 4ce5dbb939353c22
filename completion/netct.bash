# bash completion for netct(8), the conntrack(8) replacement.
# Installed by `make install` as $(PREFIX)/share/bash-completion/completions/netct.
# Completes commands, options, table names, protocol names and their options, TCP/SCTP/DCCP
# states, status, event and output words (comma lists too), label names, --netns names and files.
# A line that starts with one of netct's own commands (netct timeout …) is completed by netct itself,
# through System.CommandLine's [suggest] directive.

# The first words that send a line to netct's own command tree (NetctCommandWords.All).
_netct_tree_words="timeout health top exporter help"

_netct_tree() {
  # COMPREPLY from `netct "[suggest:POSITION]" "LINE"`: LINE is the words up to the one completed.
  local line="${COMP_WORDS[*]:0:COMP_CWORD+1}" word
  COMPREPLY=()
  while IFS= read -r word; do
    [[ $word == "${COMP_WORDS[COMP_CWORD]}"* ]] && COMPREPLY+=("$word")
  done < <("${COMP_WORDS[0]}" "[suggest:${#line}]" "$line" 2>/dev/null)
}

_netct_words_after_comma() {
  # COMPREPLY for one word of a comma-separated list: $1 is the word being completed, the rest the choices.
  local cur=$1 prefix="" word
  shift
  if [[ $cur == *,* ]]; then
    prefix=${cur%,*},
    cur=${cur##*,}
  fi
  # -u words may be negated: !SEEN_REPLY.
  if [[ $cur == '!'* ]]; then
    prefix+='!'
    cur=${cur#!}
  fi
  COMPREPLY=()
  for word in "$@"; do
    [[ $word == "$cur"* ]] && COMPREPLY+=("$prefix$word")
  done
  # A finished word gets no trailing space, so that another ",WORD" can follow.
  compopt -o nospace 2>/dev/null || true
}

_netct_protocol() {
  # The protocol named by the last -p/--protonum/--proto on the line, if any.
  local i protocol=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    case ${COMP_WORDS[i]} in
      -p | --protonum | --proto | --prot | --pro | --pr) protocol=${COMP_WORDS[i + 1]} ;;
      --protonum=*) protocol=${COMP_WORDS[i]#*=} ;;
      -p?*) protocol=${COMP_WORDS[i]#-p} ;;
    esac
  done
  printf '%s' "${protocol,,}"
}

_netct_protocol_options() {
  case $1 in
    tcp) echo "--orig-port-src --orig-port-dst --reply-port-src --reply-port-dst --mask-port-src --mask-port-dst --tuple-port-src --tuple-port-dst --sport --dport --state" ;;
    udp | udplite) echo "--orig-port-src --orig-port-dst --reply-port-src --reply-port-dst --mask-port-src --mask-port-dst --tuple-port-src --tuple-port-dst --sport --dport" ;;
    sctp) echo "--orig-port-src --orig-port-dst --reply-port-src --reply-port-dst --mask-port-src --mask-port-dst --tuple-port-src --tuple-port-dst --sport --dport --state --orig-vtag --reply-vtag" ;;
    dccp) echo "--orig-port-src --orig-port-dst --reply-port-src --reply-port-dst --mask-port-src --mask-port-dst --tuple-port-src --tuple-port-dst --sport --dport --state --role" ;;
    icmp) echo "--icmp-type --icmp-code --icmp-id" ;;
    icmpv6) echo "--icmpv6-type --icmpv6-code --icmpv6-id" ;;
    gre) echo "--orig-key-src --orig-key-dst --reply-key-src --reply-key-dst --mask-key-src --mask-key-dst --tuple-key-src --tuple-key-dst --srckey --dstkey" ;;
  esac
}

_netct_states() {
  case $1 in
    tcp) echo "NONE SYN_SENT SYN_RECV ESTABLISHED FIN_WAIT CLOSE_WAIT LAST_ACK TIME_WAIT CLOSE SYN_SENT2 LISTEN" ;;
    sctp) echo "NONE CLOSED COOKIE_WAIT COOKIE_ECHOED ESTABLISHED SHUTDOWN_SENT SHUTDOWN_RECD SHUTDOWN_ACK_SENT HEARTBEAT_SENT HEARTBEAT_ACKED" ;;
    dccp) echo "NONE REQUEST RESPOND PARTOPEN OPEN CLOSEREQ CLOSING TIMEWAIT IGNORE INVALID" ;;
  esac
}

_netct_labels() {
  local file=${NETCT_CONNLABEL_CONF:-/etc/xtables/connlabel.conf}
  [[ -r $file ]] && awk '$1 ~ /^[0-9]+$/ && NF >= 2 { print $2 }' "$file"
}

_netct() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
  local commands="-L --dump -G --get -D --delete -I --create -U --update -A --add -E --event -F --flush -C --counter -S --stats -R --load-file -V --version -h --help"
  local options="-s --src --orig-src -d --dst --orig-dst -r --reply-src -q --reply-dst -p --protonum -f --family -t --timeout -u --status -w --zone --orig-zone --reply-zone -m --mark -c --secmark -i --id -e --event-mask -b --buffer-size -n --src-nat -g --dst-nat -j --any-nat -z --zero -o --output -l --label --label-add --label-del --tuple-src --tuple-dst --mask-src --mask-dst -a --nat-range --netns --resync"
  COMPREPLY=()

  if ((COMP_CWORD > 1)) && [[ " $_netct_tree_words " == *" ${COMP_WORDS[1]} "* ]]; then
    _netct_tree
    return 0
  fi
  if ((COMP_CWORD == 1)) && [[ $cur != -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$_netct_tree_words" -- "$cur")
    return 0
  fi

  case $prev in
    -L | --dump | -G | --get | -D | --delete | -I | --create | -U | --update | -A | --add | -E | --event | -F | --flush | -C | --counter)
      if [[ $cur != -* ]]; then
        mapfile -t COMPREPLY < <(compgen -W "conntrack expect dying unconfirmed" -- "$cur")
        return 0
      fi
      ;;
    -p | --protonum)
      mapfile -t COMPREPLY < <(compgen -W "tcp udp udplite icmp icmpv6 sctp gre dccp" -- "$cur")
      return 0
      ;;
    -f | --family)
      mapfile -t COMPREPLY < <(compgen -W "ipv4 ipv6" -- "$cur")
      return 0
      ;;
    -o | --output)
      _netct_words_after_comma "$cur" extended xml save id timestamp ktimestamp labels userspace json
      return 0
      ;;
    -u | --status)
      _netct_words_after_comma "$cur" ASSURED SEEN_REPLY FIXED_TIMEOUT EXPECTED OFFLOAD HW_OFFLOAD UNSET UNREPLIED
      return 0
      ;;
    -e | --event-mask)
      _netct_words_after_comma "$cur" ALL NEW UPDATES DESTROY
      return 0
      ;;
    --state)
      mapfile -t COMPREPLY < <(compgen -W "$(_netct_states "$(_netct_protocol)")" -- "$cur")
      return 0
      ;;
    --role)
      mapfile -t COMPREPLY < <(compgen -W "client server" -- "$cur")
      return 0
      ;;
    -l | --label | --label-add | --label-del)
      # shellcheck disable=SC2046
      _netct_words_after_comma "$cur" $(_netct_labels)
      return 0
      ;;
    --netns)
      if [[ $cur == */* ]]; then
        mapfile -t COMPREPLY < <(compgen -f -- "$cur")
      else
        mapfile -t COMPREPLY < <(compgen -W "$(ls /run/netns 2>/dev/null)" -- "$cur")
      fi
      return 0
      ;;
    -R | --load-file)
      mapfile -t COMPREPLY < <(compgen -f -- "$cur")
      return 0
      ;;
    -s | --src | --orig-src | -d | --dst | --orig-dst | -r | --reply-src | -q | --reply-dst | -t | --timeout | -w | --zone | --orig-zone | --reply-zone | -m | --mark | -c | --secmark | -i | --id | -b | --buffer-size | --tuple-src | --tuple-dst | --mask-src | --mask-dst | -a | --nat-range)
      return 0
      ;;
  esac

  if [[ $cur == -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$commands $options $(_netct_protocol_options "$(_netct_protocol)")" -- "$cur")
  fi
  return 0
}

complete -F _netct netct
