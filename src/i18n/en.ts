// The English catalog: every string the user reads (screens, status bar, help, errors and hints,
// doctor, CLI output, settings hints and validation). Strings, and small functions for text with
// parameters. zh-CN.ts must have the same shape (its type is `Messages`). Log lines are not here:
// they stay English for bug reports.
import type { ErrorKind } from '../runtime/types.js';
import type { KindId } from '../runtime/connections/index.js';
import { LANG_NAMES } from './lang.js';

const s = (n: number): string => (n === 1 ? '' : 's');
/** 800 → "800 ms", 60000 → "60 s". */
const dur = (ms: number): string => (ms < 10_000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`);
/** 5_300_000 characters → "5.1 MB" (a character counted as a byte: close enough for a size on screen). */
const mb = (chars: number): string => (chars < 1024 * 1024 ? `${Math.round(chars / 1024)} KB` : `${(chars / 1024 / 1024).toFixed(1)} MB`);
/** The first `max` names, then "…". */
const names = (list: readonly string[], max: number): string => `${list.slice(0, max).join(', ')}${list.length > max ? ', …' : ''}`;

export const en = {
  /** The language's own name, for the settings choice. */
  langName: LANG_NAMES.en,

  chat: {
    banner: (p: { version: string }) => `openwork-tui ${p.version} · /help for commands and keys`,
    placeholder: 'Send a message · / for commands · Ctrl+C twice to exit',
    placeholderBusy: 'replying… Esc to stop',
    stillReplying: 'Still replying — Esc stops it',
    pasted: (p: { n: number }) => `pasted ${p.n} lines`,
    contextOver: (p: { tokens: string; window: string; model: string }) =>
      `This message would take the conversation to about ${p.tokens} tokens, past the ${p.window} that ${p.model} takes. Press Enter again to send it anyway, or /new to start a new conversation.`,
    pressCtrlCAgain: 'Press Ctrl+C again to exit',
    modelNow: (p: { model: string }) => `model: ${p.model}`,
    noOtherRecent: 'No other recent model — Ctrl+P picks one',
    recentNotServed: (p: { names: readonly string[] }) =>
      `Skipped ${p.names.join(', ')}: ${p.names.length > 1 ? 'recent models' : 'a recent model'} this proxy does not serve — Ctrl+P picks one`,
    unknownCommand: (p: { name: string }) => `unknown command /${p.name} — /help lists them`,
    moreLinesAbove: (p: { n: number }) => `${p.n} more lines above, shown when the reply ends`,
    /** A reply past the Markdown limit, while it streams (its end, plain, is under this line). */
    longReplyLive: (p: { size: number; path?: string }) =>
      `a long reply (${mb(p.size)} so far): the rest is shown plain${p.path ? `, the whole reply goes to ${p.path}` : ''}`,
    longReplySaved: (p: { size: number; path: string }) => `long reply (${mb(p.size)}): the whole reply is saved to ${p.path}`,
    longReplyNotSaved: (p: { size: number }) => `long reply (${mb(p.size)}): it could not be saved to a file; only its start and its end are shown`,
    replyStatus: {
      interrupted: 'interrupted',
      cut: 'reply cut off',
      max_tokens: 'stopped at the token limit',
    },
    languageNow: (p: { name: string }) => `language: ${p.name}`,
    defaultNotServed: (p: { model: string; suggestion: string }) =>
      `model: ${p.suggestion} — the proxy does not serve the default ${p.model}; Ctrl+P picks another`,
    requestLog: (p: { on: boolean; file: string }) =>
      p.on ? `request log on: one line per request in ${p.file} (openwork-tui logs -f follows it)` : 'request log off',
  },

  welcome: {
    title: 'Welcome to openwork-tui',
    intro: 'openwork-tui connects with these settings, from your shell or from',
    baseUrl: 'your LiteLLM proxy, e.g. http://127.0.0.1:3000 (unset: Anthropic direct)',
    apiKey: 'the proxy key, or your Anthropic key',
    outro: 'Changes to the file apply as soon as it is saved. /help lists commands and keys.',
  },

  status: {
    detecting: 'detecting…',
    // One entry per connection kind (src/runtime/connections/), under its id.
    litellm: (p: { host: string }) => `LiteLLM ${p.host}`.trim(),
    gateway: (p: { host: string }) => `gateway ${p.host}`.trim(),
    anthropic: (_p: { host: string }) => 'Anthropic direct',
    badAddress: 'proxy address unusable (.env)',
    openai: (_p: { host: string }) => 'OpenAI',
    unreachable: ' (unreachable)',
    keyUnchecked: 'key ?',
    keyOk: 'key ✓',
    keyRefused: 'key refused ✗',
    noKey: 'no key',
    /** After the model's name when the Anthropic SDK says it reached its end of life. */
    retired: (p: { date: string }) => ` (retired ${p.date})`,
    waiting: 'waiting…',
    streaming: 'streaming',
    streamingRate: (p: { rate: number }) => `streaming ${p.rate} tok/s`,
    ready: 'ready',
    readyAfter: (p: { tokens: string; cost?: string }) => `ready · ${p.tokens}${p.cost ? ` · ${p.cost}` : ''}`,
    tokens: (p: { n: number; estimated: boolean }) => `${p.estimated ? '~' : ''}${p.n} tok`,
    role: (p: { name: string }) => `role ${p.name}`,
    profile: (p: { name: string }) => `profile ${p.name}`,
    retryIn: (p: { seconds: number }) => `retry in ${p.seconds} s · Esc cancels`,
    /** Before the first byte of a reply: how long so far, and OPENWORK_TIMEOUT_MS. */
    waitingFor: (p: { seconds: number; limit: number }) => `waiting ${p.seconds} s of ${p.limit} s · Esc stops`,
    context: (p: { gauge: string; percent: number; estimated: boolean }) => `context ${p.gauge} ${p.estimated ? '~' : ''}${p.percent} %`,
    session: (p: { cost: string }) => `session ${p.cost}`,
    budget: (p: { spent: string; limit: string }) => `budget ${p.spent}/${p.limit}`,
  },

  /** How a connection is named in notices, the settings screen and `models`. */
  connection: {
    // One entry per connection kind (src/runtime/connections/), under its id.
    anthropic: (_p: { host: string; unreachable: boolean }) => 'Anthropic direct',
    litellm: (p: { host: string; unreachable: boolean }) => `LiteLLM at ${p.host}${p.unreachable ? ' (unreachable)' : ''}`,
    gateway: (p: { host: string; unreachable: boolean }) => `gateway at ${p.host}${p.unreachable ? ' (unreachable)' : ''}`,
    openai: (_p: { host: string; unreachable: boolean }) => 'OpenAI direct',
  },

  /** Runtime notices, shown in the status bar. */
  notices: {
    cannotRead: (p: { path: string; error: string }) => `Cannot read ${p.path}: ${p.error}`,
    problem: (p: { line: number; message: string; more: number }) =>
      `.env${p.line ? ` line ${p.line}` : ''}: ${p.message}${p.more ? ` (+${p.more} more)` : ''}`,
    keptPrevious: (p: { problem: string }) => `${p.problem} (kept the previous connection)`,
    envFine: '.env is fine again',
    switched: (p: { label: string }) => `switched to ${p.label}`,
    network: (p: { problem: string; more: number }) => `network setting ${p.problem}${p.more ? ` (+${p.more} more)` : ''}`,
  },

  help: {
    commands: 'Commands',
    keys: 'Keys',
  },

  slash: {
    model: 'switch model (bare: pick from a list)',
    modelArgs: '[name]',
    settings: 'connection settings (.env)',
    doctor: 'check the config, the address, the key and the model',
    debug: 'request log on/off (one line per request in the log, keys masked)',
    new: 'a new conversation (also /clear); this one stays saved',
    resume: 'pick a saved conversation to continue (type to search them all)',
    rename: 'rename this conversation',
    renameArgs: 'TITLE',
    export: 'write this conversation as Markdown',
    exportArgs: '[file]',
    help: 'commands and key bindings',
    quit: 'exit',
    copy: 'copy the last reply to the clipboard (N: the Nth from the end; code: its code blocks)',
    copyArgs: '[N | code [N]]',
    usage: "tokens and cost this session, per model; the key's budget and rate limits",
    profile: 'list the connection profiles, or switch to one',
    profileArgs: '[NAME]',
    system: 'show the system prompt; TEXT sets it for this conversation, clear removes it',
    systemArgs: '[TEXT | clear]',
    role: 'use a role from $OPENWORK_HOME/roles (bare: pick from a list)',
    roleArgs: '[name]',
    retry: 'send the last prompt again (to MODEL when given); the new reply follows',
    retryArgs: '[model]',
  },

  /** /usage: this session's tokens and cost, the key's budget, the proxy's rate limits. */
  spend: {
    title: 'Usage this session',
    none: 'No replies yet in this session.',
    row: (p: { model: string; replies: number; input: string; output: string; cost: string }) => `${p.model}: ${p.replies} ${p.replies === 1 ? 'reply' : 'replies'}, ${p.input} in / ${p.output} out, ${p.cost}`,
    total: (p: { replies: number; input: string; output: string; cost: string }) => `Total: ${p.replies} ${p.replies === 1 ? 'reply' : 'replies'}, ${p.input} in / ${p.output} out, ${p.cost}`,
    estimated: '(~ estimated from prices: the proxy sent no cost for some replies)',
    tokensEstimated: '(~ tokens estimated from the text: the proxy sent no counts for some replies)',
    unpriced: 'no price known',
    budget: (p: { spent: string; limit: string; percent: number; resetAt?: string | undefined }) =>
      `Budget: ${p.spent} of ${p.limit} spent (${p.percent} %)${p.resetAt ? `, resets ${p.resetAt}` : ''}`,
    budgetWarn: (p: { percent: number }) => (p.percent >= 100 ? 'the budget is used up: the proxy will refuse requests' : `over ${p.percent >= 80 ? 80 : p.percent} % of the budget is spent`),
    spentNoLimit: (p: { spent: string }) => `Key spend: ${p.spent} (no budget set)`,
    rateLimits: (p: { list: string }) => `Rate limits left: ${p.list}`,
    waiting: (p: { seconds: number }) => `Rate limited by the proxy: sending again in ${p.seconds} s (Esc cancels).`,
  },

  /** Connection profiles: $OPENWORK_HOME/profiles/NAME.env beside the default .env. */
  profiles: {
    defaultName: 'default',
    badName: (p: { name: string }) => `"${p.name}" cannot be a profile name: use letters, digits, ".", "-" and "_" ("default" is the .env file itself).`,
    allAndProfile: 'doctor --all checks every profile: leave out --profile.',
    missing: (p: { name: string; path: string; known: string[] }) =>
      `There is no profile "${p.name}": ${p.path} does not exist.${p.known.length ? ` Profiles: ${p.known.join(', ')}.` : ''} Create it with: openwork-tui config --profile ${p.name} set ANTHROPIC_BASE_URL http://host:port`,
    list: (p: { list: string }) => `Profiles: ${p.list}. /profile NAME switches to one (/profile default: the .env file).`,
    none: (p: { dir: string }) => `No profiles yet: each is a NAME.env file in ${p.dir}, with the same keys as .env.`,
    now: (p: { name: string; path: string }) => `Profile now: ${p.name} (${p.path})`,
    unknown: (p: { name: string; known: string[] }) => `There is no profile "${p.name}".${p.known.length ? ` Profiles: ${p.known.join(', ')}.` : ''}`,
    doctorHeader: (p: { name: string; path: string }) => `Profile ${p.name} (${p.path})`,
    doctorAll: (p: { total: number; failed: string[] }) =>
      p.failed.length ? `${p.failed.length} of ${p.total} profiles failed: ${p.failed.join(', ')}.` : `All ${p.total} profiles passed.`,
  },

  /** Key bindings as /help lists them (the keys column where it has words). */
  keys: {
    send: 'send the message',
    newline: 'new line (pasted text keeps its lines)',
    history: 'previous / next prompt, also from earlier runs (in a multi-line prompt: line up / down)',
    reverseSearch: 'search earlier prompts, as in a shell (Ctrl+R again: further back; Enter takes it; Ctrl+G or Esc: back)',
    char: 'move by character',
    word: 'move by word (also Ctrl+Left / Ctrl+Right)',
    line: 'start / end of the line (also Ctrl+A / Ctrl+E)',
    delete: 'delete before / at the caret',
    kill: 'delete to the start / end of the line (Ctrl+U on several lines: the whole draft)',
    killWord: 'delete the word before the caret',
    complete: 'complete a /command',
    settings: 'connection settings (same as /settings)',
    picker: 'pick a model: type to filter, ↑↓ PgUp PgDn Home End, Enter picks, Esc closes',
    pickerKeys: 'Ctrl+P (or /model)',
    cycle: 'switch to the next recent model',
    profile: 'switch to the next connection profile (also /profile)',
    stop: 'stop the reply (the partial text stays, marked interrupted); with no reply running, clear the prompt',
    editor: 'edit the draft in $VISUAL / $EDITOR; what is saved comes back',
    expandPaste: 'show a collapsed paste in full',
    restore: 'bring back the draft Esc or Ctrl+U cleared (also Up on an empty prompt)',
    interrupt: 'stop the reply; press twice within 2 s to exit',
    exit: 'exit when the prompt is empty (otherwise delete at the caret)',
  },

  errorCard: {
    title: (p: { kind: ErrorKind; status?: number | undefined }) =>
      ({
        auth: 'Authentication failed',
        blocked: 'Blocked before the proxy',
        unreachable: 'Cannot reach the server',
        timeout: 'Request timed out',
        tls: 'TLS problem',
        model: 'Model not available',
        rate_limit: 'Rate limited',
        budget: 'Budget exceeded',
        server: 'Server error',
        stream_cut: 'Reply cut off',
        bad_request: 'Request rejected',
        config: 'Configuration problem',
        unknown: 'Request failed',
      })[p.kind],
    headline: (p: { title: string; message: string }) => `${p.title}: ${p.message}`,
    /** The label in front of a fact ("status: "). */
    fact: (p: { label: string }) => `${p.label}: `,
    status: 'status',
    address: 'address',
    key: 'key',
    served: 'served',
    retryIn: 'retry in',
    serverSaid: 'server said',
    seconds: (p: { n: number }) => `${p.n} s`,
    more: (p: { n: number }) => `, … ${p.n} more`,
  },

  /** classifyError and friends: one line on what went wrong, one on what to do. */
  errors: {
    theServer: 'the server',
    timeout: {
      message: (p: { host: string; timeoutMs?: number | undefined }) =>
        `No answer from ${p.host}${p.timeoutMs ? ` within ${dur(p.timeoutMs)}` : ''} (connection timeout).`,
      hint: 'Check the address and that the proxy is running and reachable from this machine; raise OPENWORK_TIMEOUT_MS for slow models.',
    },
    webPage: {
      message: (p: { host: string; server?: string | undefined }) => `${p.host} answered with a web page (403${p.server ? `, server: ${p.server}` : ''}), not the proxy.`,
      hint: 'Something in front of the proxy (a web server, firewall or VPN gateway) refused the request: check the address and port, or ask who runs that server.',
    },
    auth: {
      message: (p: { server: 'anthropic' | 'openai' | 'proxy'; status: number; key?: string | undefined; keyVar?: string | undefined }) =>
        `The ${p.server === 'anthropic' ? 'Anthropic API' : p.server === 'openai' ? 'OpenAI API' : 'proxy'} refused the key (${p.status}${p.status === 401 ? ' Unauthorized' : ' Forbidden'}). ${
          p.key ? `The key sent was ${p.key} (from ${p.keyVar ?? 'the config'}).` : 'No key was sent.'
        }`,
      // headless: -p and doctor on the command line, where Ctrl+S does not exist.
      hint: (p: { server?: 'anthropic' | 'openai' | 'proxy'; key?: string | undefined; keyVar?: string | undefined; headless?: boolean | undefined }) =>
        p.key
          ? `Check ${p.keyVar ?? 'ANTHROPIC_API_KEY'} in your .env (${p.headless ? '' : 'open settings with Ctrl+S or '}run "openwork-tui config set ${p.keyVar ?? 'ANTHROPIC_API_KEY'} …").`
          : `Set ANTHROPIC_API_KEY (or ANTHROPIC_AUTH_TOKEN) in your .env: ${p.headless ? 'run "openwork-tui config set ANTHROPIC_API_KEY …"' : 'open settings with Ctrl+S'}.`,
    },
    model: {
      message: (p: { model?: string | undefined; host: string; served: readonly string[] }) =>
        `The model "${p.model ?? '?'}" is not supported by ${p.host}: it is not a model_name in the proxy's config.${p.served.length ? ` It serves: ${names(p.served, 6)}.` : ''}`,
      // headless: -p and doctor on the command line, where Ctrl+P does not exist.
      hint: (p: { model?: string | undefined; served: readonly string[]; headless?: boolean | undefined }) =>
        p.served.length
          ? p.headless
            ? `Use a served model (--model ${p.served[0]}), or add "${p.model}" to the proxy's litellm_config.yaml.`
            : `Pick a served model (Ctrl+P or --model ${p.served[0]}), or add "${p.model}" to the proxy's litellm_config.yaml.`
          : p.headless
            ? "Use another model (--model NAME), or add it to model_list in the proxy's litellm_config.yaml."
            : "Pick another model (Ctrl+P), or add it to model_list in the proxy's litellm_config.yaml.",
    },
    budget: {
      message: (p: { host: string; spent?: string | undefined; limit?: string | undefined }) =>
        `${p.host} refused the request: this key's budget is used up${p.spent !== undefined && p.limit !== undefined ? ` (spent ${p.spent} of ${p.limit})` : ''}.`,
      hint: (p: { resetAt?: string | undefined }) =>
        p.resetAt ? `The budget resets at ${p.resetAt}; until then ask the proxy's admin to raise max_budget, or use another key.` : "Ask the proxy's admin to raise the key's max_budget, or use another key.",
    },
    rateLimit: {
      message: (p: { host: string; after?: number | undefined }) => `Rate limited by ${p.host} (429)${p.after !== undefined ? `: try again in ${p.after} s` : ''}.`,
      hint: 'Wait and retry, or use another model or key with a higher limit.',
    },
    server: {
      message: (p: { host: string; status: number; detail?: string | undefined }) => `${p.host} failed with ${p.status}${p.detail ? `: ${p.detail}` : ''}.`,
      hint: "The proxy or the model provider behind it had an error: retry, and check the proxy's logs if it persists.",
    },
    notTheApi: {
      message: (p: { host: string; status: number }) => `${p.host} answered ${p.status} with something that is not the proxy's API.`,
      /** A 200 to a streamed request that is not an event stream: a captive portal's page, a web server on that port. */
      page: (p: { host: string; contentType: string }) => `${p.host} answered 200 with ${p.contentType}: this is not the proxy's API.`,
      /** An event stream whose events are not JSON; `start` is its first bytes, cleaned. */
      notJson: (p: { host: string; start: string }) => `${p.host} sent an event stream that is not JSON (it began: ${p.start}): this is not the proxy's API.`,
      hint: 'Check the address: it may point at a web server instead of the proxy (is the port right?).',
    },
    unsupportedParam: {
      hint: (p: { param?: string | undefined; proxy: boolean }) =>
        p.proxy
          ? `The model's provider does not support ${p.param ? `the parameter ${p.param}` : 'a parameter of this request'}, and the proxy refuses it rather than dropping it: set \`litellm_settings: drop_params: true\` in the proxy's config (or ask its admin). Retrying will not help.`
          : `The server does not support ${p.param ? `the parameter ${p.param}` : 'a parameter of this request'}. Retrying will not help.`,
    },
    badRequest: {
      message: (p: { status: number; detail?: string | undefined }) => `The request was refused (${p.status})${p.detail ? `: ${p.detail}` : ''}.`,
      hint: 'Check the model and settings; run "openwork-tui doctor" for a full check.',
    },
    headersTooLarge: {
      message: (p: { host: string }) => `${p.host} answered with response headers too large to read (UND_ERR_HEADERS_OVERFLOW).`,
      hint: 'Something between you and the API (a proxy, a gateway, a load balancer) adds huge headers: check its settings and logs.',
    },
    bodyTooLarge: {
      message: (p: { host: string }) => `${p.host} sent an answer too large to read (more than 32 MB).`,
      hint: 'Check that the address is the LLM API and not something else; the log has the request.',
    },
    httpToTls: {
      message: (p: { host: string }) => `${p.host} speaks HTTPS (TLS), but the address starts with http://.`,
      hint: 'Use https:// instead of http:// in ANTHROPIC_BASE_URL.',
    },
    badPort: {
      message: (p: { host: string }) => `${p.host}: Node never connects to this port (it is on the web's list of blocked ports, as 6000 and 6665–6669 are), so nothing was sent.`,
      hint: "Run the proxy on another port (LiteLLM's own default is 4000) and change the port in ANTHROPIC_BASE_URL.",
    },
    connectLimit: {
      message: (p: { where: string; ms: number }) => `Cannot connect to ${p.where}: nothing accepted the connection within ${dur(p.ms)} (connect timeout).`,
      hint: 'Check the address and port in ANTHROPIC_BASE_URL and that the proxy is running; a firewall that drops packets, or an internal address without your VPN, looks like this.',
    },
    timedOut: {
      message: (p: { host: string; code: string }) => `Connection to ${p.host} timed out (${p.code}).`,
      hint: 'Check the address and your network, and that the proxy is running.',
    },
    tlsPlain: {
      message: (p: { host: string; code: string }) => `TLS handshake with ${p.host} failed: the port probably speaks plain HTTP (${p.code}).`,
      hint: 'Use http:// instead of https:// in ANTHROPIC_BASE_URL.',
    },
    tlsCert: {
      message: (p: { host: string; code: string }) => `The TLS certificate of ${p.host} was rejected (${p.code}).`,
      hint: 'If the proxy uses a private certificate authority, set OPENWORK_CA_FILE to its certificate (a PEM file); or check http vs https.',
    },
    tlsUnknownCa: {
      message: (p: { host: string; code: string }) => `The TLS certificate of ${p.host} is self-signed or from an unknown certificate authority (${p.code}).`,
      hint: 'Set OPENWORK_CA_FILE (or NODE_EXTRA_CA_CERTS) to the PEM file of the certificate authority that signed it.',
    },
    tlsCaFileSet: {
      hint: (p: { caVar: string }) => `${p.caVar} is set, but does not hold the certificate authority that signed it: point it at the right PEM file.`,
    },
    caFile: {
      message: (p: { caVar: string; code: string }) => `The certificate authority file in ${p.caVar} cannot be read (${p.code}), so nothing was sent.`,
      hint: (p: { caVar: string }) => `Point ${p.caVar} at a readable PEM file.`,
    },
    unreachable: {
      message: (p: { where: string; code: string; why: 'refused' | 'dns' | 'dropped' | 'network' }) =>
        `Cannot reach ${p.where} (${{ refused: 'connection refused', dns: 'host name not found', dropped: 'connection dropped', network: 'network unreachable' }[p.why]}, ${p.code}).`,
      hint: (p: { dns: boolean }): string =>
        p.dns
          ? 'Check the host name in ANTHROPIC_BASE_URL for typos; an internal name may need your VPN or company DNS (or use the IP address).'
          : 'Check the address and port in ANTHROPIC_BASE_URL, http vs https, and that the proxy is running.',
    },
    unknown: {
      message: (p: { text: string }) => p.text || 'Unexpected error.',
      hint: 'Run "openwork-tui doctor" to check the connection; details are in the log.',
    },
    streamCut: {
      message: (p: { host?: string | undefined }) => `The reply from ${p.host ?? 'the server'} was cut off before it finished.`,
      hint: "The partial reply is kept. Retry; if it keeps happening, check the proxy's logs and any timeout in front of it.",
    },
    stalled: {
      message: (p: { host?: string | undefined; timeoutMs: number }) => `The reply from ${p.host ?? 'the server'} stopped part-way: nothing more arrived for ${dur(p.timeoutMs)}.`,
      hint: 'The partial reply is kept. Retry; a slow model may need a higher OPENWORK_TIMEOUT_MS, and a proxy that stalls often, a look at its logs.',
    },
    unreadKey: (p: { line: number; key: string; problem: string }) =>
      `${p.key} was not read: .env line ${p.line}: ${p.problem}. Fix that line (Ctrl+S opens the settings).`,
    noKey: {
      message: 'No key is set for the Anthropic API, so nothing was sent.',
      hint: 'Set ANTHROPIC_API_KEY (or ANTHROPIC_AUTH_TOKEN) in your .env: open settings with Ctrl+S.',
    },
    keyHelper: {
      message: (p: { command: string; why: 'spawn' | 'exit' | 'timeout' | 'empty' | 'lines'; code: string }) =>
        `The key helper (OPENWORK_API_KEY_HELPER: ${p.command}) ${{ spawn: 'could not be started', exit: `exited with ${p.code}`, timeout: `gave no key within ${p.code} ms`, empty: 'printed nothing', lines: 'printed more than one line' }[p.why]}, so nothing was sent.`,
      hint: 'Run the command yourself to see why (its output is never shown here); it must print only the key. Change OPENWORK_API_KEY_HELPER with Ctrl+S.',
    },
    unusableAddress: {
      message: (p: { line: number; problem: string }) => `The proxy address cannot be used${p.line ? ` (.env line ${p.line})` : ''}: ${p.problem}. Nothing was sent.`,
      hint: 'Fix ANTHROPIC_BASE_URL (Ctrl+S opens the settings; or "openwork-tui config set ANTHROPIC_BASE_URL http://host:port"). Until then nothing is sent, not even to Anthropic directly, which would get the proxy\'s key.',
    },
    unexpected: {
      message: 'The reply failed unexpectedly.',
      hint: 'Try again; run with --debug to log the details.',
    },
    listingFailed: {
      hint: 'Details are in the log.',
    },
  },

  /** Problems in the .env file and in typed values (runtime/config, settings/envDocument, settings/fields). */
  problems: {
    fromEnv: (p: { message: string }) => `${p.message} (from the environment)`,
    keyed: (p: { key: string; message: string }) => `${p.key}: ${p.message}`,
    notUrl: (p: { value: string }) => `"${p.value}" is not a URL (expected e.g. http://127.0.0.1:3000)`,
    scheme: (p: { protocol: string }) => `the address must start with http:// or https:// (got ${p.protocol})`,
    noHost: 'the address has no host',
    queryOrHash: 'the address must not have a query or #fragment',
    urlCredentials: (p: { value: string }) =>
      `${p.value} holds a user name and password, which would not be sent (HTTP clients refuse such an address, and the key already takes the Authorization header): remove the "user:…@" part and put the key in ANTHROPIC_API_KEY or ANTHROPIC_AUTH_TOKEN`,
    droppedV1: 'dropped the trailing /v1 (the app adds it where needed)',
    droppedSlash: 'dropped the trailing /',
    proxyFormat: (p: { value: string }) => `OPENWORK_PROXY_FORMAT must be auto, openai or anthropic (got "${p.value}")`,
    timeout: (p: { value: string }) => `OPENWORK_TIMEOUT_MS must be a whole number of milliseconds from 1 to 2147483647 (got "${p.value}"); using 60000`,
    missingKey: "missing key before '='",
    noEquals: "no '=' on this line (expected KEY=VALUE)",
    invalidKey: (p: { key: string }) => `invalid key "${p.key}" (use letters, digits, _ . -)`,
    notKeyValue: 'not a KEY=VALUE line',
    unterminated: (p: { quote: string }) => `unterminated ${p.quote} quote`,
    afterQuote: 'text after the closing quote',
    valueFromLine: (p: { key: string; line: number }) => `the value of ${p.key} is read from line ${p.line}`,
    setAgain: (p: { key: string; line: number }) => `${p.key} is set again on line ${p.line}; that value is used`,
    // typed values (settings screen, `config set`)
    addScheme: (p: { text: string }) => `add http:// or https:// in front, e.g. http://${p.text}`,
    lineBreak: (p: { key: string; what: 'newline' | 'tab' | 'control' }) =>
      `${p.key} cannot contain ${{ newline: 'a line break', tab: 'a tab', control: 'a control character' }[p.what]}: a value is one line (nothing was changed)`,
    droppedBearer: 'dropped "Bearer " (the app adds it)',
    secretSpaces: (p: { key: string }) => `${p.key} cannot contain spaces or line breaks`,
    secretChars: (p: { key: string }) => `${p.key} has a character that cannot be sent in a header (non-ASCII or control)`,
    trimmed: 'trimmed spaces and quotes around the value',
    choice: (p: { key: string; choices: string }) => `${p.key} must be one of ${p.choices}`,
    number: (p: { key: string }) => `${p.key} must be a whole number of milliseconds from 1 to 2147483647, e.g. 60000`,
    droppedSeparators: 'dropped the digit separators',
    underSecond: (p: { ms: number }) => `${p.ms} ms is under a second`,
    notesJoin: '; ',
    // writing the file
    setBreaks: (p: { key: string }) => `setting ${p.key} would change how other lines are read; fix the problems first`,
    unquotable: (p: { key: string }) => `${p.key}: dotenv cannot read this value back unchanged in any quoting`,
    unsetBreaks: (p: { key: string }) => `removing ${p.key} would change how other lines are read; fix those first`,
    vanished: (p: { path: string }) => `${p.path} vanished right after it was written`,
    cannotWrite: (p: { path: string; why: 'denied' | 'readonly' | 'full' }) =>
      `cannot write ${p.path}: ${{ denied: 'permission denied (check the owner and mode of the file and its folder)', readonly: 'read-only file system', full: 'no space left on the disk (free some space, then save again; nothing was changed)' }[p.why]}`,
    cannotSave: (p: { error?: string | undefined; path: string }) => (p.error ? `cannot save: ${p.error}` : `cannot save ${p.path}`),
    readOnlyFile: (p: { path: string }) => `${p.path} is read-only, so nothing was changed: make it writable (chmod u+w ${p.path}) or edit it yourself`,
    isFolder: (p: { path: string }) => `${p.path} is a folder, not a file: move it away so the settings can be saved in a file of that name`,
    danglingLink: (p: { path: string; target: string }) => `${p.path} is a link to ${p.target}, which does not exist: create ${p.target} or remove the link`,
    cannotRead: (p: { path: string }) => `cannot read ${p.path}: permission denied (check its owner and mode)`,
    cannotReadCode: (p: { path: string; code: string }) => `cannot read ${p.path} (${p.code}): make it a readable file, or move it away and save the settings again`,
    busy: (p: { path: string }) => `${p.path} is being saved by another openwork-tui (lock ${p.path}.lock); nothing was written, try again`,
    raced: (p: { path: string }) => `${p.path} was rewritten by another program while saving; check the file, then save again`,
  },

  picker: {
    title: 'Switch model',
    filter: 'type to filter',
    nothingMatches: (p: { query: string }) => `  nothing matches "${p.query}" — Enter uses it as a model name`,
    noModels: '  no models',
    footer: '↑↓ PgUp PgDn move · Enter pick · Esc close · Ctrl+R reload',
    above: (p: { n: number }) => `↑ ${p.n} more`,
    below: (p: { n: number }) => `↓ ${p.n} more`,
    useInstead: (p: { name: string; suggestion: string }) => `The proxy does not serve ${p.name}. Use ${p.suggestion} instead? (y/n)`,
    useAnyway: (p: { name: string }) => `The proxy does not serve ${p.name}. Use it anyway? (y/n)`,
    groups: {
      current: 'current',
      recent: 'recent',
      proxy: 'served by the proxy',
      builtin: 'built in',
    },
    openaiDirect: 'OpenAI direct',
    notServed: 'not served',
    notServedUse: (p: { suggestion: string }) => `not served · use ${p.suggestion}`,
    /** From the Anthropic SDK's deprecation table: a date ahead, or one already past. */
    endOfLife: (p: { date: string }) => `end of life ${p.date}`,
    retired: (p: { date: string }) => `retired ${p.date}`,
    loadingBuiltin: 'loading the built-in models…',
    asking: 'asking the proxy for its models…',
    builtinFor: (p: { where: string }) => `${p.where}: built-in models`,
    serves: (p: { where: string; n: number }) => `${p.where} serves ${p.n} model${s(p.n)}`,
    refused: (p: { message: string }) => `The proxy refused to list its models. ${p.message}`,
    notListed: 'The proxy did not list its models.',
    stillUsable: (p: { hint?: string | undefined }) => `Built-in models are still usable; which ones the proxy serves is unknown.${p.hint ? ` ${p.hint}` : ''}`,
  },

  /** Whether a model name can be used (picker, /model NAME, --model). */
  modelCheck: {
    noName: 'No model name given.',
    nearest: (p: { name: string; suggestion: string }) => `The proxy does not serve ${p.name}; the nearest name it serves is ${p.suggestion}.`,
    noneListed: (p: { name: string }) => `The proxy does not serve ${p.name}, and it lists no models.`,
    serves: (p: { name: string; served: readonly string[] }) => `The proxy does not serve ${p.name}. It serves: ${names(p.served, 6)}.`,
    switchWith: (p: { message: string; suggestion: string }) => `${p.message} Switch with /model ${p.suggestion}, or pick another with Ctrl+P.`,
    pickAnother: (p: { message: string }) => `${p.message} Pick another with Ctrl+P.`,
  },

  settings: {
    title: 'Settings',
    now: (p: { where: string }) => `now: ${p.where}`,
    connecting: 'connecting…',
    hints: {
      ANTHROPIC_BASE_URL: 'Proxy address, e.g. http://127.0.0.1:3000 (empty: Anthropic direct)',
      ANTHROPIC_API_KEY: 'The key (sent as Authorization: Bearer)',
      ANTHROPIC_AUTH_TOKEN: 'A Bearer token; when set it wins over ANTHROPIC_API_KEY',
      OPENWORK_PROXY_FORMAT: 'Wire format with a proxy: auto detects LiteLLM (openai) or a gateway (anthropic)',
      OPENAI_API_KEY: 'For gpt-* / o* models sent straight to OpenAI (never the proxy key)',
      OPENAI_BASE_URL: 'OpenAI-compatible address for gpt-* models (empty: api.openai.com)',
      OPENWORK_TIMEOUT_MS: 'Connect + first byte timeout in milliseconds',
    },
    fallbacks: {
      anthropicDirect: 'Anthropic direct',
    },
    source: {
      file: 'file',
      environment: 'environment',
      unset: 'unset',
      default: 'default',
      removed: 'removed on save',
      edited: ' · edited',
    },
    typingReplaces: ' typing replaces it',
    /** What a typed value becomes, and why ("http://host:4000 (dropped the trailing /v1 …)"). */
    normalised: (p: { value: string; note: string }) => `${p.value} (${p.note})`,
    edited: '  edited',
    test: 'Test connection (Ctrl+T)',
    save: 'Save (Ctrl+S)',
    saving: 'Saving…',
    overwrite: 'Save over it anyway? Your fields win, its other lines are kept. (y/n)',
    discard: 'Leave without saving your changes? (y/n)',
    editKeys: 'Enter keeps · Esc cancels · ←→ Home End move · Ctrl+U clears · Ctrl+S saves',
    keys: {
      move: 'move',
      edit: 'edit',
      choose: 'choose',
      reveal: 'reveal',
      test: 'test',
      save: 'save',
      close: 'close',
    },
    leavesFile: (p: { key: string }) => `${p.key} leaves the file; the environment's value then applies`,
    invalidNot: (p: { key: string; message: string; what: 'saved' | 'tested' }) => `${p.key}: ${p.message} — not ${p.what}`,
    nothingToSave: 'Nothing to save',
    changedOnDisk: (p: { path: string }) => `${p.path} changed on disk since this screen opened.`,
    notSaved: (p: { message: string }) => `Not saved: ${p.message}`,
    saved: (p: { path?: string | undefined }) => `${p.path ? `Saved to ${p.path}` : 'Saved'}. The app switches to it now.`,
    cannotTest: (p: { error: string }) => `Cannot test: ${p.error}`,
    testFailed: (p: { error: string }) => `Test connection failed to run: ${p.error}`,
    keptEdits: 'Not saved. Your edits are still here; close and reopen to load the file as it is now.',
    checks: {
      title: 'Test connection',
      testing: 'testing the edited settings (not saved yet)…',
      problems: (p: { n: number; rest?: string | undefined }) => `${p.n} problem${s(p.n)} found${p.rest ? ` (${p.rest})` : ''}`,
      rest: (p: { passed: number; skipped: number }) => [p.passed && `${p.passed} passed`, p.skipped && `${p.skipped} skipped`].filter(Boolean).join(', '),
      allPassed: (p: { n: number }) => `all ${p.n} checks passed`,
      ms: (p: { ms: number }) => ` ${p.ms} ms`,
      /** The fix for a failed check, as it is true on this screen (not "open settings with Ctrl+S"). */
      fix: {
        key: (p: { key: string }) => `Check ${p.key} above (Enter edits it), then test again.`,
        lines: (p: { path: string; lines: readonly number[] }) => `Fix line${s(p.lines.length)} ${p.lines.join(', ')} of ${p.path} (the values above are what is read from it).`,
        values: 'Fill in ANTHROPIC_BASE_URL and ANTHROPIC_API_KEY above, then test again.',
      },
    },
    language: {
      label: 'Language',
      hint: 'Interface language; applies at once (System follows LC_ALL / LANG)',
      system: (p: { name: string }) => `System (${p.name})`,
    },
    history: {
      label: 'Save conversations',
      hint: 'Keep every chat in sessions.db (for /resume, -c, search); applies at once; OPENWORK_HISTORY=off wins',
      on: 'On',
      off: 'Off',
    },
  },

  doctor: {
    labels: {
      config: 'Config file',
      address: 'Address',
      server: 'Server',
      key: 'Key',
      model: 'Model',
      request: 'Request',
    },
    titled: (p: { label: string; title: string }) => `${p.label}: ${p.title}`,
    summary: (p: { total: number; passed: number; warned: number; skipped: number; failed: readonly string[] }) => {
      const extra = [p.warned && `${p.warned} warning${s(p.warned)}`, p.skipped && `${p.skipped} skipped`].filter(Boolean).join(', ');
      if (!p.failed.length) {
        return `${p.passed === p.total ? `All ${p.passed}` : `${p.passed} of ${p.total}`} checks passed${extra ? ` (${extra})` : ''}.`;
      }
      return `${p.failed.length} check${s(p.failed.length)} failed: ${p.failed.join(', ')}${extra ? ` (${extra})` : ''}. Fix the first ✖ and run doctor again.`;
    },
    view: 'Doctor',
    progress: (p: { n: number; total: number }) => `checking ${p.n}/${p.total}… · Esc stops`,
    fix: 'fix: ',
    tip: 'tip: ',
    header: (p: { envPath: string; model: string; from: 'arg' | 'saved' | 'default' }) =>
      `· ${p.envPath} · model ${p.model} (${{ arg: '--model', saved: 'last picked', default: 'default' }[p.from]})`,
    cannotRead: (p: { path: string; code: string }) => `Cannot read ${p.path} (${p.code})`,
    cannotReadFix: (p: { path: string }) => `Check the file's owner and permissions: it should be yours, with chmod 600 ${p.path}.`,
    serverSaid: (p: { detail: string }) => `server said: ${p.detail}`,
    /** A failed check's title: the error's message (the Chinese leads with the error's title, e.g. 403 错误). */
    failed: (p: { title: string; message: string }) => p.message,
    skipped: (p: { why: string }) => `skipped: ${p.why}`,
    outOfTime: (p: { ms: number }) => `out of time (the whole check stays within OPENWORK_TIMEOUT_MS=${p.ms})`,
    // 1. the config file
    nothingConfigured: (p: { path: string }) => `Nothing is configured: ${p.path} does not exist and no ANTHROPIC_* variable is set`,
    nothingConfiguredFix: (p: { path: string }) =>
      `Create ${p.path} with ANTHROPIC_BASE_URL and ANTHROPIC_API_KEY, or run openwork-tui (the settings screen opens on first run).`,
    envOnly: (p: { path: string }) => `no ${p.path}: using the environment only`,
    envOnlyFix: (p: { path: string }) => `Save the settings (Ctrl+S in openwork-tui) to keep them in ${p.path}.`,
    readable: (p: { path: string; octal: string }) => `${p.path} (${p.octal}: other users can read the key)`,
    private: (p: { path: string; octal: string }) => `${p.path} (${p.octal}, private)`,
    notSavedYet: (p: { path: string }) => `${p.path} (not saved yet: checking the values on screen)`,
    problemLine: (p: { line: number; warning: boolean; message: string }) => `${p.line ? `line ${p.line}: ` : ''}${p.warning ? 'warning: ' : ''}${p.message}`,
    problems: (p: { path: string; n: number; lines: readonly number[] }) =>
      `${p.path}: ${p.n} problem${s(p.n)}${p.lines.length ? ` (line${s(p.lines.length)} ${p.lines.join(', ')})` : ''}`,
    problemsFix: (p: { path: string; lines: readonly number[] }) =>
      `Fix ${p.lines.length ? `line${s(p.lines.length)} ${p.lines.join(', ')} of ${p.path}` : 'the values above'} (or edit them in the settings screen, Ctrl+S).`,
    tidy: (p: { path: string }) => `Tidy ${p.path} (the warnings above do not stop anything).`,
    value: {
      baseUrlUnset: "(not set: Anthropic's API directly)",
      formatDefault: 'auto (default)',
      timeoutDefault: (p: { ms: number }) => `${p.ms} (default)`,
      fileLine: (p: { line: number | string }) => `.env line ${p.line}`,
      environment: 'environment',
      overrides: (p: { value: string }) => `overrides the environment's ${p.value}`,
      emptyInFile: (p: { line: number | string }) => `.env line ${p.line} is empty`,
      sent: 'sent as the key',
      helperWins: 'not sent: OPENWORK_API_KEY_HELPER gives the key',
      tokenWins: 'not sent: ANTHROPIC_AUTH_TOKEN wins',
      openaiOnly: 'only for gpt-*/o* models, never sent to the proxy',
      anthropicDirect: "Anthropic's API directly",
      withNotes: (p: { value: string; notes: readonly string[] }) => `${p.value}  (${p.notes.join('; ')})`,
    },
    // 2. the address
    badUrl: 'ANTHROPIC_BASE_URL is not a usable address',
    onLine: (p: { line: number }) => `.env line ${p.line}`,
    badUrlFix: "Set ANTHROPIC_BASE_URL to the proxy's address, e.g. http://127.0.0.1:3000 (no path, no /v1 needed).",
    nothingToConnect: "no ANTHROPIC_BASE_URL (Anthropic's API directly) and no key: nothing to connect with",
    usedAs: (p: { raw: string; url: string }) => `ANTHROPIC_BASE_URL ${p.raw} is used as ${p.url}`,
    checkingAnthropic: (p: { url: string }) => `no ANTHROPIC_BASE_URL: checking Anthropic's API (${p.url})`,
    ipAddress: (p: { host: string }) => `${p.host} is an IP address (no DNS lookup)`,
    viaProxy: (p: { proxyUrl: string; proxyVar: string }) => `through the forward proxy ${p.proxyUrl} (from ${p.proxyVar}); the proxy connects to the address`,
    bypassProxy: (p: { proxyVar: string }) => `not through the forward proxy: ${p.proxyVar} lists this host`,
    caFile: (p: { caVar: string; path: string }) => `trusts the certificate authority in ${p.path} (${p.caVar})`,
    extraHeaders: (p: { headers: string }) => `extra headers sent to the proxy (OPENWORK_HEADERS): ${p.headers}`,
    keyHelper: (p: { command: string }) => `the key comes from OPENWORK_API_KEY_HELPER: ${p.command}`,
    connectTimeout: (p: { ms: number; from: 'file' | 'env' }) => `connect timeout (OPENWORK_CONNECT_TIMEOUT_MS): ${p.ms} ms, from ${p.from === 'file' ? 'the .env file' : 'the environment'}`,
    networkProblem: (p: { message: string }) => `! ${p.message}`,
    dns: (p: { host: string; addresses: string; ms: number }) => `DNS: ${p.host} → ${p.addresses} (${p.ms} ms)`,
    noDns: (p: { host: string }) => `the host name ${p.host} does not resolve`,
    tcp: (p: { address: string; port: number; ms: number }) => `TCP: connected to ${p.address}:${p.port} (${p.ms} ms)`,
    noTcp: (p: { host: string; port: number }) => `nothing accepts connections at ${p.host}:${p.port}`,
    tcpSilent: (p: { ms: number }) => `no answer to the connection attempt within ${p.ms} ms: a firewall may drop the packets, or the host is down`,
    tls: (p: { protocol: string; subject: string; issuer: string; validTo: string }) =>
      `TLS: ${p.protocol}, certificate for ${p.subject}, issued by ${p.issuer}, valid until ${p.validTo}`,
    tlsFailed: 'the TLS handshake failed',
    plainAnswers: (p: { url: string; litellm: boolean }) => `${p.url} answers${p.litellm ? ' like LiteLLM' : ''}: the port speaks plain HTTP`,
    httpToTls: 'the address uses http:// but the port speaks HTTPS',
    tlsOnPort: (p: { port: number }) => `a TLS handshake on port ${p.port} succeeded`,
    silent: (p: { host: string }) => `${p.host} accepts connections but does not answer`,
    silentDetail: (p: { ms: number; timeoutMs: number }) =>
      `the connection was accepted, but no HTTP answer came within ${p.ms} ms (doctor waits at most a third of OPENWORK_TIMEOUT_MS=${p.timeoutMs}, and 5 s, per probe)`,
    noHttp: (p: { host: string }) => `${p.host} does not answer HTTP`,
    reachable: (p: { url: string; https: boolean }) => `${p.url} is reachable and answers ${p.https ? 'HTTPS' : 'HTTP'}`,
    // 3. the server
    notChecked: 'the address was not checked',
    /** The server check's words for a connection kind (its id, as in connections/<id>/): the wire format it is spoken to in. */
    formatNote: {
      litellm: 'requests use the OpenAI chat-completions format at /v1 (LiteLLM)',
      gateway: 'requests use the Anthropic Messages format (not LiteLLM)',
    } as Partial<Record<KindId, string>>,
    /** What the server check found when the probe identified a kind: a detail line (its health answer) and the title. */
    identified: {
      litellm: {
        detail: (p: { version?: string | undefined; fromHeader: boolean }) =>
          `GET /health/liveliness: "I'm alive!"${p.version ? `, version ${p.version}${p.fromHeader ? ' (x-litellm-version header)' : ' (/health/readiness)'}` : ''}`,
        title: (p: { version?: string | undefined; host: string }) => `LiteLLM ${p.version ?? '(version not reported)'} at ${p.host}`,
      },
    } as Partial<Record<KindId, { detail: (p: { version?: string | undefined; fromHeader: boolean }) => string; title: (p: { version?: string | undefined; host: string }) => string }>>,
    notAlive: (p: { answer: string }) => `GET /health/liveliness: ${p.answer} (not LiteLLM's answer)`,
    noModelsAnswer: (p: { host: string }) => `${p.host} did not answer GET /v1/models`,
    apiAnswer: (p: { status: number; contentType?: string | undefined; server?: string | undefined; json: boolean }) =>
      `GET /v1/models without a key: ${p.status}${
        !p.json
          ? ` ${p.contentType || 'no content type'}${p.server ? `, server: ${p.server}` : ''}`
          : p.status === 200
            ? ' (open: no key needed)'
            : p.status === 401 || p.status === 403
              ? ' (needs a key)'
              : ''
      }`,
    somethingElse: 'something other than the proxy answers (see above)',
    healthButPage: "LiteLLM's health endpoint answers, but the API path gets a web page: something in front of the proxy answers it",
    formatSet: (p: { format: string }) =>
      `OPENWORK_PROXY_FORMAT=${p.format}: requests use the ${p.format === 'openai' ? 'OpenAI chat-completions' : 'Anthropic Messages'} format`,
    anthropicApi: "Anthropic's API",
    gatewayAt: (p: { host: string }) => `an Anthropic-compatible gateway at ${p.host} (not LiteLLM)`,
    openaiLike: (p: { host: string }) => `an OpenAI-compatible API at ${p.host} that does not identify as LiteLLM`,
    openaiLikeFix: 'Set OPENWORK_PROXY_FORMAT=openai: with "auto", anything that is not LiteLLM is spoken to in the Anthropic format.',
    apiAt: (p: { host: string }) => `an API at ${p.host} (format set by OPENWORK_PROXY_FORMAT)`,
    oddJson: (p: { host: string }) => `${p.host} answers JSON, but neither as LiteLLM nor in Anthropic's format`,
    oddJsonFix: 'Check that ANTHROPIC_BASE_URL points at the LiteLLM proxy (or set OPENWORK_PROXY_FORMAT).',
    // 4. the key
    noKey: 'no key is set',
    noKeyDetail: (p: { path: string }) => `no ANTHROPIC_API_KEY or ANTHROPIC_AUTH_TOKEN in ${p.path} or the environment`,
    serverNotChecked: 'the server was not checked',
    keyFrom: (p: { key: string; keyVar: string }) => `${p.key} (from ${p.keyVar})`,
    bothKeys: (p: { key: string }) => `both ANTHROPIC_AUTH_TOKEN and ANTHROPIC_API_KEY are set: ANTHROPIC_AUTH_TOKEN wins, ANTHROPIC_API_KEY (${p.key}) is not sent`,
    sentAs: (p: { header: string }) => `sent as ${p.header}`,
    noListing: (p: { host: string }) => `${p.host} does not list models (404): the key is checked by the request below`,
    keyRefused: 'the key was refused (see above)',
    listingFailed: 'the model listing failed (see above)',
    lists: (p: { host: string; ids: readonly string[] }) => `${p.host} lists ${p.ids.length} model${s(p.ids.length)}${p.ids.length ? `: ${names(p.ids, 8)}` : ''}`,
    keyAccepted: (p: { anthropic: boolean; sent?: string | undefined }) =>
      p.sent ? `${p.anthropic ? "Anthropic's API" : 'the proxy'} accepted the key ${p.sent}` : `${p.anthropic ? "Anthropic's API" : 'the proxy'} needs no key (none was sent)`,
    // 5. the model
    unlisted: (p: { host: string; model: string }) => `${p.host} does not list its models; the request below tries ${p.model}`,
    servedUnknown: 'the served models are unknown',
    servedBy: (p: { model: string; by?: string | undefined }) => `${p.model} is served by ${p.by ?? "Anthropic's API"}`,
    defaultReplaced: (p: { model: string; suggestion: string; by: string }) =>
      `${p.suggestion} is served by ${p.by}: the chat uses it, as no model was chosen and the default ${p.model} is not served there`,
    wildcard: (p: { model: string; route: string }) => `${p.model} matches the proxy's wildcard route "${p.route}"`,
    toOpenai: (p: { model: string }) => `${p.model} is not served by the proxy: it goes to OpenAI directly (OPENAI_API_KEY), which doctor does not check`,
    nearestFirst: (p: { names: readonly string[] }) => `served, nearest first: ${p.names.join(', ')}`,
    listsNone: (p: { host: string }) => `${p.host} lists no models at all: its config has an empty model_list, or this key may use none`,
    notServed: (p: { model: string }) => `the proxy does not serve ${p.model} (see above)`,
    notListedTries: (p: { model: string; host: string }) => `${p.model} is not in the list ${p.host} serves; the request below tries it anyway`,
    // 6. the request
    earlierFailed: 'an earlier check failed',
    notThroughProxy: (p: { model: string }) => `${p.model} is not sent through the proxy`,
    partialReply: (p: { reply: string }) => `partial reply: ${p.reply}`,
    firstText: (p: { ms: number }) => `first text after ${p.ms} ms`,
    noText: 'no text came back (a one-token reply may be empty)',
    reply: (p: { reply: string }) => `reply: ${p.reply}`,
    tokens: (p: { input: number | string; output: number | string; cost?: number | undefined }) =>
      `tokens: ${p.input} in, ${p.output} out${p.cost !== undefined ? `, cost $${p.cost}` : ''}`,
    requestId: (p: { id: string }) => `request id: ${p.id}`,
    paramRefused: (p: { param: string; status: number | string }) =>
      `the proxy refused the optional parameter ${p.param} (HTTP ${p.status}): sent again without it, as the chat does from now on (token counts are estimated)`,
    paramLeftOut: (p: { param: string }) => `${p.param} left out: this proxy refused it for this model before (token counts are estimated)`,
    dropParamsTip: 'to have the proxy drop such parameters itself, set `litellm_settings: drop_params: true` in its config',
    answered: (p: { model: string; total: number; ttfb: number }) => `${p.model} answered a one-token request in ${p.total} ms (first byte after ${p.ttfb} ms)`,
  },

  /** Material in: system prompts, roles, attached files and images (issue 17). */
  material: {
    systemFileUnreadable: (p: { path: string }) => `cannot read the --system-file ${p.path}`,
    roleMissing: (p: { name: string; dir: string; known: readonly string[] }) =>
      `no role "${p.name}" in ${p.dir}${p.known.length ? ` (roles there: ${names(p.known, 8)})` : ` (a role is a Markdown file there, e.g. ${p.name}.md: its text is the system prompt)`}`,
    roleInvalid: (p: { name: string; path: string; detail: string }) => `the role "${p.name}" (${p.path}) has front matter that cannot be read: ${p.detail}`,
    refusedBinary: (p: { name: string }) => `${p.name} was not attached: it is a binary file (text files, folders and png/jpeg/gif/webp images can be)`,
    refusedTooLarge: (p: { name: string; fileSize: string; limit: string }) => `${p.name} was not attached: it is ${p.fileSize}, over the ${p.limit} limit`,
    refusedUnreadable: (p: { name: string }) => `${p.name} was not attached: it cannot be read`,
    nothingSent: 'Nothing was sent.',
    noImages: (p: { model: string }) => `${p.model} does not take images`,
    noImagesHintProxy: (p: { model: string }) =>
      `the proxy's /model/info does not mark ${p.model} supports_vision; pick a model that takes images, or send the text without the image`,
    noImagesHint: 'pick a model that takes images (Claude 3 or later), or send the text without the image',
    copied: (p: { item: string; fileSize: string; how: string }) => `Copied ${p.item}, ${p.fileSize} · ${p.how}`,
    copyHow: (p: { mux: string; tool: string }) => `OSC 52${p.mux ? ` through ${p.mux}` : ''}${p.tool ? ` and ${p.tool}` : ''}`,
    copyWhatLast: 'the last reply',
    copyWhatNth: (p: { n: number }) => `reply ${p.n} from the end`,
    copyWhatCode: (p: { n: number; lang: string; lineCount: number }) => `code block ${p.n} (${p.lang ? `${p.lang}, ` : ''}${p.lineCount} line${s(p.lineCount)})`,
    copyNothing: 'No reply to copy yet',
    copyTooFew: (p: { n: number; count: number }) => `There ${p.count === 1 ? 'is' : 'are'} ${p.count} repl${p.count === 1 ? 'y' : 'ies'}; /copy ${p.n} needs ${p.n}`,
    copyNoCode: 'The last reply has no code block',
    copyNoBlock: (p: { n: number; count: number }) => `The last reply has ${p.count} code block${s(p.count)}`,
    copyWhich: (p: { list: string }) => `Code blocks in the last reply — /copy code N copies one:\n${p.list}`,
    copyBlock: (p: { n: number; lang: string; lineCount: number; first: string }) => `  ${p.n}  ${p.lang ? `${p.lang}, ` : ''}${p.lineCount} line${s(p.lineCount)}: ${p.first}`,
    copyUsage: 'Use /copy, /copy N (the Nth reply from the end) or /copy code [N]',
    systemNone: 'No system prompt. /system TEXT sets one; /role picks a role.',
    systemShow: (p: { text: string; role: string }) => `System prompt${p.role ? ` (role ${p.role})` : ''}:\n${p.text}`,
    systemSet: (p: { chars: number }) => `System prompt set (${p.chars} characters); it goes with every message of this conversation.`,
    systemCleared: 'System prompt cleared.',
    roleNow: (p: { name: string; model: string }) => `Role ${p.name}${p.model ? ` · model ${p.model}` : ''}`,
    noRoles: (p: { dir: string }) => `No roles in ${p.dir}: a role is a Markdown file there (NAME.md); its text is the system prompt, front matter may name a model.`,
    rolePicker: {
      title: 'Role',
      placeholder: 'type to filter',
      none: 'No role matches',
      loading: 'reading the roles…',
      broken: (p: { detail: string }) => `cannot be read: ${p.detail}`,
      hint: '↑↓ choose · Enter use · Esc close · /system clear removes the role',
    },
    retryNothing: 'Nothing to send again yet',
    noEditor: 'Set $VISUAL or $EDITOR to edit the draft in your editor (e.g. export EDITOR=nano)',
    editorFailed: (p: { editor: string; detail: string }) => `The editor (${p.editor}) did not finish (${p.detail}); the draft is unchanged`,
    attachNote: (p: { list: string; tokens: string }) => `Attaches ${p.list} · ~${p.tokens} tokens`,
    attachWindow: (p: { percent: number; window: string }) => `${p.percent}% of the ${p.window}-token context`,
    attachOver: (p: { model: string; window: string }) => `over ${p.model}'s ${p.window}-token context: Enter asks first`,
    entries: (p: { n: number }) => `${p.n} entr${p.n === 1 ? 'y' : 'ies'}`,
    image: 'image',
    overAsk: (p: { tokens: string; model: string; window: string }) =>
      `This message is ~${p.tokens} tokens with the conversation so far, over ${p.model}'s ${p.window}-token context window: the request will likely be refused. Enter again sends it anyway.`,
    attached: (p: { list: string; tokens: string }) => `Attached ${p.list} (~${p.tokens} tokens)`,
    args: {
      systemTwice: '--system and --system-file both set the system prompt; use one',
      roleAndSystem: '--role sets the system prompt from its file; use --role or --system, not both',
      outputFormat: (p: { value: string }) => `--output-format must be text, json or stream-json (got "${p.value}")`,
      chatOnly: (p: { flag: string }) => `${p.flag} works with -p and the chat only`,
      printOnly: (p: { flag: string }) => `${p.flag} works with -p only`,
    },
  },

  cli: {
    modelUsed: (p: { model: string; reason: 'saved' | 'default' | 'nearest' | 'arg'; fallback: string }) =>
      `openwork-tui: model ${p.model} (${
        p.reason === 'saved'
          ? 'the last one chosen for this connection'
          : p.reason === 'nearest'
            ? `the proxy does not serve the default ${p.fallback}; this is the nearest it serves`
            : 'the built-in default'
      }; --model NAME uses another)\n`,
    usage: (p: { message: string }) => `openwork-tui: ${p.message}\nRun "openwork-tui --help" for usage.\n`,
    needsTerminal: 'openwork-tui: the chat needs a terminal; use -p "text" for scripts\n',
    notAvailable: (p: { kind: string }) => `openwork-tui: "${p.kind}" is not available yet\n`,
    needsText: 'openwork-tui: -p needs the text to send (or pipe it on stdin)\n',
    nothingToSend: 'openwork-tui: nothing to send\n',
    noLog: (p: { path: string }) => `No log yet at ${p.path}\n`,
    serverSaid: (p: { detail: string }) => `  server said: ${p.detail}`,
    hint: 'hint: ',
    args: {
      needsValue: (p: { flag: string }) => `${p.flag} needs a value`,
      debugValue: '--debug takes no value, or --debug=body',
      verboseWhere: '--verbose is for -p and models (doctor prints its checks anyway; the chat owns the terminal: its runtime lines are in the log, see openwork-tui logs)',
      unknownOption: (p: { option: string }) => `unknown option ${p.option}`,
      unexpected: (p: { arg: string }) => `unexpected argument "${p.arg}"`,
      configAction: (p: { action: string }) => `unknown config action "${p.action}" (get, set, unset, list)`,
      configKey: (p: { action: string }) => `config ${p.action} needs a KEY`,
      configSet: 'config set needs KEY and VALUE',
      configExtra: 'too many arguments for config',
      unknownCommand: (p: { command: string }) => `unknown command "${p.command}"`,
      lang: (p: { value: string }) => `--lang must be en or zh-CN (got "${p.value}")`,
      sessionId: (p: { value: string }) => `a session ID is a number (got "${p.value}"); openwork-tui sessions list shows them`,
      continueOrResume: '--continue and --resume cannot be used together',
      sessionsNeedsId: (p: { action: string }) => `sessions ${p.action} needs a session ID`,
      sessionsSearch: 'sessions search needs the text to look for',
      sessionsFormat: (p: { value: string }) => `--format must be md or json (got "${p.value}")`,
      sessionsAction: (p: { action: string }) => `unknown sessions action "${p.action}" (list, search, show, export, rm)`,
    },
    models: {
      connection: (p: { label: string }) => `Connection: ${p.label}`,
      served: 'Served by the proxy:',
      notServed: 'Built in, NOT served by this proxy (requests would fail with "Invalid model name"):',
      openaiDirect: 'Built in, sent to OpenAI directly (OPENAI_API_KEY is set), not to the proxy:',
      use: (p: { suggestion: string }) => `  use ${p.suggestion}`,
      unknown: 'Built in (could not ask the proxy which it serves):',
      builtin: 'Built in:',
      context: (p: { k: number }) => `${p.k}k ctx`,
      price: (p: { input: number; output: number }) => `$${p.input}/$${p.output} per Mtok`,
    },
    config: {
      notYet: ' (does not exist yet)',
      unset: 'unset',
      unsetWith: (p: { fallback: string }) => `unset (${p.fallback})`,
      file: 'file',
      environment: 'environment',
      warning: 'warning: ',
      problem: (p: { line: number; message: string }) => `.env${p.line ? ` line ${p.line}` : ''}: ${p.message}`,
      unknownKey: (p: { key: string }) => `openwork-tui: unknown setting "${p.key}". Known settings:\n`,
      notSet: (p: { key: string }) => `${p.key} is not set\n`,
      nothingWritten: 'Nothing was written.\n',
      empty: (p: { key: string }) => `empty value; use "openwork-tui config unset ${p.key}" to remove it`,
      note: 'note: ',
      conflict: (p: { path: string }) => `${p.path} changed while saving; nothing was written, try again\n`,
      already: (p: { key: string; value: string }) => `${p.key} already is ${p.value}`,
      envAlso: (p: { key: string }) => `the environment also sets ${p.key}; the file's value wins`,
      removed: (p: { key: string; path: string }) => `removed ${p.key} from ${p.path}`,
      notInFile: (p: { key: string; path: string }) => `${p.key} was not in ${p.path}`,
      envStill: (p: { key: string }) => `${p.key} is still set in the environment, which now applies`,
    },
  },

  history: {
    unavailable: (p: { why: string }) => `History unavailable: ${p.why}. The chat works; nothing is saved this run.`,
    why: {
      off: 'history is off (OPENWORK_HISTORY=off, or Save conversations in the settings)',
      corrupt: (p: { path: string }) => `${p.path} is damaged or not a database (it is left as it is)`,
      newer: (p: { path: string; version: number }) => `${p.path} was written by a newer openwork-tui (schema ${p.version}); update this one to use it`,
      busy: (p: { path: string }) => `another openwork-tui kept ${p.path} locked`,
      unavailable: (p: { path: string; detail: string }) => `${p.path} could not be opened (${p.detail})`,
    },
    resumed: (p: { id: number; title: string; n: number }) => `Continuing session ${p.id} “${p.title}” (${p.n} message${s(p.n)})`,
    hiddenEarlier: (p: { n: number; id: number }) => `${p.n} earlier message${s(p.n)} not shown (all are sent as context) — openwork-tui sessions show ${p.id}`,
    noSession: 'No saved session to continue yet — this is a new one',
    notFound: (p: { id: number }) => `No session ${p.id} — openwork-tui sessions list shows them`,
    newSession: 'New session — the previous one is saved (/resume brings it back)',
    renamed: (p: { title: string }) => `Session renamed: ${p.title}`,
    renameNeedsTitle: 'Usage: /rename TITLE',
    exported: (p: { path: string }) => `Exported to ${p.path}`,
    exportFailed: (p: { path: string; detail: string }) => `Could not write ${p.path}: ${p.detail}`,
    nothingYet: 'Nothing saved in this session yet — it starts with the first message',
    doc: {
      session: (p: { id: number }) => `Session ${p.id}`,
      started: 'Started',
      updated: 'Updated',
      folder: 'Folder',
      user: 'You',
      assistant: 'Assistant',
      model: 'model',
      time: 'time',
      callId: 'call id',
      tokens: (p: { input: number | string; output: number | string }) => `tokens ${p.input} in / ${p.output} out`,
      cost: (p: { cost: number }) => `cost $${p.cost}`,
      connection: 'via',
      status: {
        interrupted: 'interrupted',
        failed: (p: { title: string }) => `failed: ${p.title}`,
        streaming: 'incomplete: the app stopped while it streamed',
        max_tokens: 'stopped at the token limit',
      },
    },
    cli: {
      empty: 'No saved sessions yet.\n',
      noMatch: (p: { query: string }) => `No session matches "${p.query}".\n`,
      notFound: (p: { id: number }) => `openwork-tui: no session ${p.id} (openwork-tui sessions list shows them)\n`,
      columns: { id: 'ID', updated: 'updated', messages: 'msgs', model: 'model', title: 'title' },
      removed: (p: { id: number; title: string }) => `Removed session ${p.id} (${p.title}).\n`,
      written: (p: { path: string }) => `Wrote ${p.path}\n`,
      unavailable: (p: { why: string }) => `openwork-tui: history unavailable: ${p.why}\n`,
    },
    picker: {
      title: 'Resume a session',
      placeholder: 'type to search every message',
      none: 'No session matches',
      empty: 'No saved sessions yet',
      unavailable: 'History is unavailable in this run',
      hint: '↑↓ choose · Enter opens · Esc closes',
      messages: (p: { n: number }) => `${p.n} msg${s(p.n)}`,
    },
    reverseSearch: (p: { query: string; found: boolean }) => `${p.found ? '' : 'failing '}reverse-i-search: ${p.query}`,
  },

  /** `openwork-tui --help`: rows are [left column, description]; the columns are aligned in terminal cells. */
  usage: {
    title: (p: { version: string }) => `openwork-tui ${p.version} — chat with Claude from the terminal, through a LiteLLM proxy or Anthropic's API`,
    usage: 'Usage',
    commands: [
      ['openwork-tui', 'open the chat (first run opens the settings)'],
      ['openwork-tui -p "text" [--model M]', 'print one reply to stdout (reads stdin when no text is given)'],
      ['cat FILE | openwork-tui -p "text"', 'the piped text is attached to the prompt; @path in the text attaches a file'],
      ['openwork-tui models [--json]', 'list models and whether the proxy serves them'],
      ['openwork-tui doctor [--json] [--all]', 'check the config, the address, the key and the model (--all: every profile)'],
      ['openwork-tui config list|get|set|unset [KEY] [VALUE] [--reveal]', ''],
      ['', 'read or change $OPENWORK_HOME/.env (secrets masked)'],
      ['openwork-tui logs [-f]', 'print (or follow) the log'],
      ['openwork-tui sessions list|search TEXT [--json]', 'saved conversations, newest first (search: every message)'],
      ['openwork-tui sessions show|rm ID', 'print one, or delete it'],
      ['openwork-tui sessions export ID [--format md|json] [-o FILE]', 'write one as Markdown or JSON'],
    ] as readonly (readonly [string, string])[],
    options: 'Options',
    optionRows: [
      ['-m, --model NAME', "model to use (default: the last one picked, else the newest Sonnet the Anthropic SDK lists that is not deprecated)"],
      ['--system TEXT', 'system prompt for this run (-p and the chat)'],
      ['--system-file PATH', 'system prompt read from a file'],
      ['--role NAME', 'system prompt (and maybe model) from $OPENWORK_HOME/roles/NAME.md'],
      ['--output-format FORMAT', 'with -p: text (default), json (one object) or stream-json (one event per line)'],
      ['--debug[=body]', 'log one line per request (with bodies for =body); secrets are masked'],
      ['--verbose', 'with -p and models: also print the runtime lines ([Runtime] …) to stderr'],
      ['-c, --continue', 'continue the last conversation (of this folder, when it has one)'],
      ['--resume [ID]', 'continue that conversation, or pick one'],
      ['--lang en|zh-CN', 'interface language for this run (default: the saved choice, else LC_ALL / LANG)'],
      ['--profile NAME', 'use $OPENWORK_HOME/profiles/NAME.env instead of .env (any command; in the chat: /profile, Alt+P)'],
      ['-h, --help', 'this help'],
      ['-v, --version', 'print the version'],
    ] as readonly (readonly [string, string])[],
    configuration: 'Configuration ($OPENWORK_HOME/.env, default ~/.openwork/.env; the file wins over the environment)',
    configRows: [
      ['ANTHROPIC_BASE_URL', 'proxy address, e.g. http://127.0.0.1:3000 (unset: Anthropic direct)'],
      ['ANTHROPIC_API_KEY', 'key (sent as Authorization: Bearer)'],
      ['ANTHROPIC_AUTH_TOKEN', 'Bearer token; wins over ANTHROPIC_API_KEY'],
      ['OPENWORK_PROXY_FORMAT', 'auto | openai | anthropic'],
      ['OPENWORK_TIMEOUT_MS', 'connect + first byte timeout (default 60000)'],
      ['OPENAI_API_KEY, OPENAI_BASE_URL', 'direct OpenAI for gpt-* / o* models'],
    ] as readonly (readonly [string, string])[],
    exitCodes: 'Exit codes',
    exitRows: [
      ['0', 'ok'],
      ['1', 'other error'],
      ['2', 'usage'],
      ['3', 'auth (key refused)'],
      ['4', 'network (unreachable, timeout, blocked, TLS)'],
      ['5', 'model not supported'],
      ['130', 'interrupted'],
    ] as readonly (readonly [string, string])[],
  },
};

export type Messages = typeof en;
/** Words to be said in whichever language the user reads. */
export type Say = (m: Messages) => string;
