export function helpText(version: string): string {
  return `openwork-tui ${version} — chat with Claude from the terminal, through a LiteLLM proxy or Anthropic's API

Usage
  openwork-tui                       open the chat (first run opens the settings)
  openwork-tui -p "text" [--model M] print one reply to stdout (reads stdin when no text is given)
  openwork-tui models [--json]       list models and whether the proxy serves them
  openwork-tui doctor [--json]       check the config, the address, the key and the model
  openwork-tui config list|get|set|unset [KEY] [VALUE] [--reveal]
                                     read or change $OPENWORK_HOME/.env (secrets masked)
  openwork-tui logs [-f]             print (or follow) the log

Options
  -m, --model NAME   model to use (default: the last one picked, else claude-sonnet-4-5-20250929)
  --debug[=body]     log one line per request (with bodies for =body); secrets are masked
  --lang en|zh-CN    interface language
  -h, --help         this help
  -v, --version      print the version

Configuration ($OPENWORK_HOME/.env, default ~/.openwork/.env; the file wins over the environment)
  ANTHROPIC_BASE_URL     proxy address, e.g. http://127.0.0.1:3000 (unset: Anthropic direct)
  ANTHROPIC_API_KEY      key (Bearer for a LiteLLM proxy, x-api-key for Anthropic)
  ANTHROPIC_AUTH_TOKEN   Bearer token; wins over ANTHROPIC_API_KEY
  OPENWORK_PROXY_FORMAT  auto | openai | anthropic
  OPENWORK_TIMEOUT_MS    connect + first byte timeout (default 60000)
  OPENAI_API_KEY, OPENAI_BASE_URL   direct OpenAI for gpt-* / o* models

Exit codes
  0 ok   1 other error   2 usage   3 auth (key refused)   4 network (unreachable, timeout,
  blocked, TLS)   5 model not supported   130 interrupted
`;
}
