// 简体中文。与 en.ts 同一结构（类型为 Messages：缺少或多出一个键，tsc 都会报错）。
// 用语与种子指南一致：LiteLLM 代理、密钥、模型；三类常见问题的标题是「403 错误」「连接超时」「模型不支持」。
// 模型名、环境变量名、URL、按键名（Ctrl+S、Esc）保持原样。
import type { Messages } from './en.js';

/** 800 → "800 毫秒"，60000 → "60 秒"。 */
const dur = (ms: number): string => (ms < 10_000 ? `${ms} 毫秒` : `${Math.round(ms / 1000)} 秒`);
/** 5_300_000 个字符 → "5.1 MB"。 */
const mb = (chars: number): string => (chars < 1024 * 1024 ? `${Math.round(chars / 1024)} KB` : `${(chars / 1024 / 1024).toFixed(1)} MB`);
/** 前 `max` 个名称，多出的用 "…" 表示。 */
const names = (list: readonly string[], max: number): string => `${list.slice(0, max).join(', ')}${list.length > max ? ', …' : ''}`;

// Loaded on demand (loadMessages in index.ts): its own file in the build.
export const zhCN: Messages = {
  langName: '简体中文', // = LANG_NAMES['zh-CN'] (not imported: that would split the bundle further)

  chat: {
    banner: (p) => `openwork-tui ${p.version} · 输入 /help 查看命令和快捷键`,
    placeholder: '输入消息 · / 打开命令 · 连按两次 Ctrl+C 退出',
    placeholderBusy: '正在回复… 按 Esc 停止',
    stillReplying: '还在回复中 —— 按 Esc 可停止',
    pressCtrlCAgain: '再按一次 Ctrl+C 退出',
    modelNow: (p) => `模型：${p.model}`,
    noOtherRecent: '没有其他最近用过的模型 —— 按 Ctrl+P 选择',
    unknownCommand: (p) => `未知命令 /${p.name} —— 输入 /help 查看所有命令`,
    moreLinesAbove: (p) => `上方还有 ${p.n} 行，回复结束后显示`,
    longReplyLive: (p) => `回复很长（目前 ${mb(p.size)}）：其余部分以纯文本显示${p.path ? `，完整回复写入 ${p.path}` : ''}`,
    longReplySaved: (p) => `回复很长（${mb(p.size)}）：完整回复已保存到 ${p.path}`,
    longReplyNotSaved: (p) => `回复很长（${mb(p.size)}）：无法保存到文件，只显示了开头和结尾`,
    replyStatus: {
      interrupted: '已中断',
      cut: '回复被截断',
      max_tokens: '已达到 token 上限，回复停止',
    },
    languageNow: (p) => `界面语言：${p.name}`,
    defaultNotServed: (p) => `模型：${p.suggestion} —— 代理不提供默认模型 ${p.model}；按 Ctrl+P 选择其他模型`,
    requestLog: (p) => (p.on ? `请求日志已开启：每个请求记一行，写入 ${p.file}（用 openwork-tui logs -f 实时查看）` : '请求日志已关闭'),
  },

  welcome: {
    title: '欢迎使用 openwork-tui',
    intro: 'openwork-tui 通过以下设置连接，可以在 shell 中设置，也可以写入',
    baseUrl: '你的 LiteLLM 代理地址，例如 http://127.0.0.1:3000（不设置则直连 Anthropic）',
    apiKey: 'LiteLLM 代理的密钥，或你的 Anthropic API 密钥',
    outro: '配置文件保存后立即生效。输入 /help 查看命令和快捷键。',
  },

  status: {
    detecting: '正在检测…',
    litellm: (p) => `LiteLLM ${p.host}`.trim(),
    gateway: (p) => `网关 ${p.host}`.trim(),
    anthropic: '直连 Anthropic',
    badAddress: '代理地址无法使用（.env）',
    openai: 'OpenAI',
    unreachable: '（无法连接）',
    keyOk: '密钥 ✓',
    keyRefused: '密钥被拒绝 ✗',
    noKey: '未设置密钥',
    waiting: '等待响应…',
    streaming: '接收中',
    streamingRate: (p) => `接收中 ${p.rate} tok/s`,
    ready: '就绪',
    readyAfter: (p) => `就绪 · ${p.tokens}${p.cost ? ` · ${p.cost}` : ''}`,
    tokens: (p) => `${p.estimated ? '约 ' : ''}${p.n} tok`,
  },

  connection: {
    anthropic: '直连 Anthropic',
    litellm: (p) => `LiteLLM 代理 ${p.host}${p.unreachable ? '（无法连接）' : ''}`,
    gateway: (p) => `网关 ${p.host}${p.unreachable ? '（无法连接）' : ''}`,
    openai: '直连 OpenAI',
  },

  notices: {
    cannotRead: (p) => `无法读取 ${p.path}：${p.error}`,
    problem: (p) => `.env${p.line ? ` 第 ${p.line} 行` : ''}：${p.message}${p.more ? `（另有 ${p.more} 个问题）` : ''}`,
    keptPrevious: (p) => `${p.problem}（仍使用之前的连接）`,
    envFine: '.env 已恢复正常',
    switched: (p) => `已切换到 ${p.label}`,
  },

  help: {
    commands: '命令',
    keys: '快捷键',
  },

  slash: {
    model: '切换模型（不带参数：从列表中选择）',
    modelArgs: '[模型名]',
    settings: '连接设置（.env）',
    doctor: '检查配置、地址、密钥和模型',
    debug: '开关请求日志（每个请求在日志中记一行，密钥已遮盖）',
    clear: '清空对话和屏幕',
    help: '命令和快捷键',
    quit: '退出',
  },

  keys: {
    send: '发送消息',
    newline: '换行（粘贴的文本保留原有换行）',
    history: '上一条 / 下一条输入（多行输入时：上移 / 下移一行）',
    char: '按字符移动',
    word: '按词移动（也可用 Ctrl+Left / Ctrl+Right）',
    line: '移到行首 / 行尾（也可用 Ctrl+A / Ctrl+E）',
    delete: '删除光标前 / 光标处的字符',
    kill: '删除到行首 / 行尾',
    killWord: '删除光标前的一个词',
    complete: '补全 /命令',
    settings: '连接设置（同 /settings）',
    picker: '选择模型：输入文字筛选，↑↓ PgUp PgDn Home End 移动，Enter 选定，Esc 关闭',
    pickerKeys: 'Ctrl+P（或 /model）',
    cycle: '切换到下一个最近用过的模型',
    stop: '停止回复（已收到的内容保留，并标记为已中断）',
    interrupt: '停止回复；2 秒内连按两次退出',
    exit: '输入框为空时退出（否则删除光标处的字符）',
  },

  errorCard: {
    title: (p) =>
      ({
        auth: p.status === 403 ? '403 错误（认证失败）' : '认证失败',
        blocked: p.status === 403 ? '403 错误（请求在到达代理前被拦截）' : '请求在到达代理前被拦截',
        unreachable: '无法连接服务器',
        timeout: '连接超时',
        tls: 'TLS 问题',
        model: '模型不支持',
        rate_limit: '请求过于频繁',
        server: '服务器错误',
        stream_cut: '回复被截断',
        bad_request: '请求被拒绝',
        config: '配置问题',
        unknown: '请求失败',
      })[p.kind],
    headline: (p) => `${p.title}：${p.message}`,
    fact: (p) => `${p.label}：`,
    status: '状态',
    address: '地址',
    key: '密钥',
    served: '可用模型',
    retryIn: '重试等待',
    serverSaid: '服务器返回',
    seconds: (p) => `${p.n} 秒`,
    more: (p) => `, … 另有 ${p.n} 个`,
  },

  errors: {
    theServer: '服务器',
    timeout: {
      message: (p) => `${p.host} ${p.timeoutMs ? `在 ${dur(p.timeoutMs)}内` : ''}没有响应。`,
      hint: '请确认服务器地址正确、网络连接正常、LiteLLM 服务器正在运行且本机可以访问；模型响应较慢时可调大 OPENWORK_TIMEOUT_MS。',
    },
    webPage: {
      message: (p) => `${p.host} 返回的是一个网页（403${p.server ? `，server: ${p.server}` : ''}），不是 LiteLLM 代理的响应。`,
      hint: '代理前面的 Web 服务器、防火墙或 VPN 网关拒绝了这个请求：请检查地址和端口，或联系该服务器的管理员。',
    },
    auth: {
      message: (p) =>
        `${p.server === 'anthropic' ? 'Anthropic API' : p.server === 'openai' ? 'OpenAI API' : 'LiteLLM 代理'}拒绝了密钥（${p.status}${p.status === 401 ? ' Unauthorized' : ' Forbidden'}）。${
          p.key ? `发送的密钥是 ${p.key}（来自 ${p.keyVar ?? '配置'}）。` : '没有发送任何密钥。'
        }`,
      hint: (p) =>
        p.key
          ? `请确认服务器是否需要 API 密钥，并检查 .env 中的 ${p.keyVar ?? 'ANTHROPIC_API_KEY'} 是否正确（按 Ctrl+S 打开设置，或运行 "openwork-tui config set ${p.keyVar ?? 'ANTHROPIC_API_KEY'} …"）${p.server === 'proxy' ? '；也可以查看 LiteLLM 服务器日志' : ''}。`
          : '请在 .env 中设置 ANTHROPIC_API_KEY（或 ANTHROPIC_AUTH_TOKEN）：按 Ctrl+S 打开设置。',
    },
    model: {
      message: (p) =>
        `${p.host} 不支持模型 "${p.model ?? '?'}"：它不是 LiteLLM 配置中的 model_name。${p.served.length ? `可用的模型：${names(p.served, 6)}。` : ''}`,
      hint: (p) =>
        p.served.length
          ? p.headless
            ? `请使用一个可用的模型（--model ${p.served[0]}），或在 LiteLLM 的 litellm_config.yaml 中添加 "${p.model}"。`
            : `请选择一个可用的模型（Ctrl+P 或 --model ${p.served[0]}），或在 LiteLLM 的 litellm_config.yaml 中添加 "${p.model}"。`
          : p.headless
            ? '请换一个模型（--model 名称），或在 LiteLLM 的 litellm_config.yaml 的 model_list 中添加该模型。'
            : '请换一个模型（Ctrl+P），或在 LiteLLM 的 litellm_config.yaml 的 model_list 中添加该模型。',
    },
    rateLimit: {
      message: (p) => `${p.host} 限制了请求频率（429）${p.after !== undefined ? `：请在 ${p.after} 秒后重试` : ''}。`,
      hint: '请稍后重试，或换用限额更高的模型或密钥。',
    },
    server: {
      message: (p) => `${p.host} 出错（${p.status}）${p.detail ? `：${p.detail}` : ''}。`,
      hint: 'LiteLLM 代理或其后面的模型服务出错：请重试；如果持续出现，请查看 LiteLLM 服务器日志。',
    },
    notTheApi: {
      message: (p) => `${p.host} 返回了 ${p.status}，但响应不是 LiteLLM 代理的 API。`,
      hint: '请检查地址：它可能指向了一个 Web 服务器而不是代理（端口对吗？）。',
    },
    unsupportedParam: {
      hint: (p) =>
        p.proxy
          ? `模型服务不支持${p.param ? `参数 ${p.param}` : '这个请求中的某个参数'}，而代理拒绝请求而不是忽略它：请在代理配置中设置 \`litellm_settings: drop_params: true\`（或联系管理员）。重试没有用。`
          : `服务器不支持${p.param ? `参数 ${p.param}` : '这个请求中的某个参数'}。重试没有用。`,
    },
    badRequest: {
      message: (p) => `请求被拒绝（${p.status}）${p.detail ? `：${p.detail}` : ''}。`,
      hint: '请检查模型和设置；运行 "openwork-tui doctor" 做一次完整检查。',
    },
    headersTooLarge: {
      message: (p) => `${p.host} 返回的响应头太大，无法读取（UND_ERR_HEADERS_OVERFLOW）。`,
      hint: '你和 API 之间的某一层（代理、网关、负载均衡）加了过大的响应头：请检查它的配置和日志。',
    },
    bodyTooLarge: {
      message: (p) => `${p.host} 返回的内容太大，无法读取（超过 32 MB）。`,
      hint: '请确认地址指向的是 LLM API 而不是别的服务；日志里有这次请求。',
    },
    httpToTls: {
      message: (p) => `${p.host} 使用的是 HTTPS（TLS），但地址以 http:// 开头。`,
      hint: '请把 ANTHROPIC_BASE_URL 中的 http:// 改为 https://。',
    },
    timedOut: {
      message: (p) => `连接 ${p.host} 超时（${p.code}）。`,
      hint: '请确认服务器地址正确、网络连接正常，以及 LiteLLM 服务器正在运行。',
    },
    tlsPlain: {
      message: (p) => `与 ${p.host} 的 TLS 握手失败：该端口很可能只支持普通 HTTP（${p.code}）。`,
      hint: '请把 ANTHROPIC_BASE_URL 中的 https:// 改为 http://。',
    },
    tlsCert: {
      message: (p) => `${p.host} 的 TLS 证书未通过验证（${p.code}）。`,
      hint: '如果代理使用私有 CA 签发的证书，请把 NODE_EXTRA_CA_CERTS 指向该证书；或者检查应该用 http 还是 https。',
    },
    unreachable: {
      message: (p) =>
        ({
          refused: `${p.where} 拒绝了连接（${p.code}）：这个地址和端口上没有服务在监听。`,
          dns: `找不到 ${p.where} 的主机名（${p.code}）。`,
          dropped: `与 ${p.where} 的连接被断开（${p.code}）。`,
          network: `无法访问 ${p.where}：网络不可达（${p.code}）。`,
        })[p.why],
      hint: (p) =>
        p.dns
          ? '请检查 ANTHROPIC_BASE_URL 中的主机名是否拼写正确；内网主机名可能需要连上 VPN 或公司 DNS（也可以直接使用 IP 地址）。'
          : '请确认 ANTHROPIC_BASE_URL 中的地址和端口正确、http 与 https 没有用错，以及 LiteLLM 服务器正在运行。',
    },
    unknown: {
      message: (p) => p.text || '发生了意外错误。',
      hint: '运行 "openwork-tui doctor" 检查连接；详细信息记录在日志中。',
    },
    streamCut: {
      message: (p) => `${p.host ?? '服务器'} 的回复在结束前被截断了。`,
      hint: '已收到的部分回复会保留。请重试；如果经常出现，请查看 LiteLLM 服务器日志以及代理前面的超时设置。',
    },
    stalled: {
      message: (p) => `${p.host ?? '服务器'} 的回复中途停止：${dur(p.timeoutMs)}内没有再收到内容。`,
      hint: '已收到的部分回复会保留。请重试；模型较慢时可调大 OPENWORK_TIMEOUT_MS，若代理经常中途停顿，请查看它的日志。',
    },
    unreadKey: (p) => `没有读到 ${p.key}：.env 第 ${p.line} 行：${p.problem}。请修正这一行（按 Ctrl+S 打开设置）。`,
    noKey: {
      message: '没有为 Anthropic API 设置密钥，因此没有发送任何请求。',
      hint: '请在 .env 中设置 ANTHROPIC_API_KEY（或 ANTHROPIC_AUTH_TOKEN）：按 Ctrl+S 打开设置。',
    },
    unusableAddress: {
      message: (p) => `代理地址无法使用${p.line ? `（.env 第 ${p.line} 行）` : ''}：${p.problem}。没有发送任何请求。`,
      hint: '请修正 ANTHROPIC_BASE_URL（按 Ctrl+S 打开设置，或运行 "openwork-tui config set ANTHROPIC_BASE_URL http://主机:端口"）。修正之前不会发送任何请求，也不会改为直连 Anthropic（那样会把代理的密钥发给 Anthropic）。',
    },
    unexpected: {
      message: '回复意外失败。',
      hint: '请重试；加上 --debug 运行可以在日志中记录详细信息。',
    },
    listingFailed: {
      hint: '详细信息记录在日志中。',
    },
  },

  problems: {
    fromEnv: (p) => `${p.message}（来自环境变量）`,
    keyed: (p) => `${p.key}：${p.message}`,
    notUrl: (p) => `"${p.value}" 不是有效的 URL（应类似 http://127.0.0.1:3000）`,
    scheme: (p) => `地址必须以 http:// 或 https:// 开头（当前为 ${p.protocol}）`,
    noHost: '地址中缺少主机名',
    queryOrHash: '地址不能包含查询参数或 #片段',
    droppedV1: '已去掉末尾的 /v1（应用会在需要时自动加上）',
    droppedSlash: '已去掉末尾的 /',
    proxyFormat: (p) => `OPENWORK_PROXY_FORMAT 只能是 auto、openai 或 anthropic（当前为 "${p.value}"）`,
    timeout: (p) => `OPENWORK_TIMEOUT_MS 必须是整数毫秒数（当前为 "${p.value}"）`,
    missingKey: "'=' 前面缺少变量名",
    noEquals: "这一行没有 '='（应为 KEY=VALUE 格式）",
    invalidKey: (p) => `变量名 "${p.key}" 无效（只能包含字母、数字和 _ . -）`,
    notKeyValue: '不是 KEY=VALUE 格式的行',
    unterminated: (p) => `引号 ${p.quote} 没有闭合`,
    afterQuote: '闭合引号后面还有多余的文字',
    valueFromLine: (p) => `${p.key} 的值实际读取自第 ${p.line} 行`,
    setAgain: (p) => `${p.key} 在第 ${p.line} 行被再次设置，以该行的值为准`,
    addScheme: (p) => `请在前面加上 http:// 或 https://，例如 http://${p.text}`,
    droppedBearer: '已去掉开头的 "Bearer "（应用会自动添加）',
    secretSpaces: (p) => `${p.key} 不能包含空格或换行`,
    secretChars: (p) => `${p.key} 含有无法放进 HTTP 请求头的字符（非 ASCII 或控制字符，例如输入法打出的全角字符）`,
    trimmed: '已去掉值两侧的空格和引号',
    choice: (p) => `${p.key} 只能是 ${p.choices} 之一`,
    number: (p) => `${p.key} 必须是整数毫秒数，例如 60000`,
    droppedSeparators: '已去掉数字分隔符',
    underSecond: (p) => `${p.ms} 毫秒不到一秒`,
    notesJoin: '；',
    setBreaks: (p) => `设置 ${p.key} 会改变其他行的读取结果；请先修正文件中的问题`,
    unquotable: (p) => `${p.key}：无论用哪种引号，dotenv 都无法原样读回这个值`,
    unsetBreaks: (p) => `删除 ${p.key} 会改变其他行的读取结果；请先修正那些行`,
    vanished: (p) => `${p.path} 刚写入就不见了`,
    cannotWrite: (p) => `无法写入 ${p.path}：${{ denied: '没有权限', readonly: '文件系统是只读的', full: '磁盘空间已满' }[p.why]}`,
    cannotSave: (p) => (p.error ? `无法保存：${p.error}` : `无法保存 ${p.path}`),
  },

  picker: {
    title: '切换模型',
    filter: '输入文字筛选',
    nothingMatches: (p) => `  没有匹配 "${p.query}" 的模型 —— 按 Enter 将其作为模型名使用`,
    noModels: '  没有模型',
    footer: '↑↓ PgUp PgDn 移动 · Enter 选定 · Esc 关闭 · Ctrl+R 刷新',
    above: (p) => `↑ 还有 ${p.n} 个`,
    below: (p) => `↓ 还有 ${p.n} 个`,
    useInstead: (p) => `代理没有提供 ${p.name}。改用 ${p.suggestion} 吗？(y/n)`,
    useAnyway: (p) => `代理没有提供 ${p.name}。仍然使用吗？(y/n)`,
    groups: {
      current: '当前',
      recent: '最近使用',
      proxy: '代理提供的模型',
      builtin: '内置模型',
    },
    openaiDirect: '直连 OpenAI',
    notServed: '代理未提供',
    notServedUse: (p) => `代理未提供 · 可用 ${p.suggestion}`,
    loadingBuiltin: '正在加载内置模型…',
    asking: '正在向代理查询可用模型…',
    builtinFor: (p) => `${p.where}：内置模型`,
    serves: (p) => `${p.where} 提供 ${p.n} 个模型`,
    refused: (p) => `代理拒绝列出它的模型。${p.message}`,
    notListed: '代理没有列出它的模型。',
    stillUsable: (p) => `内置模型仍可使用，但无法确定代理提供其中哪些。${p.hint ? p.hint : ''}`,
  },

  modelCheck: {
    noName: '没有给出模型名。',
    nearest: (p) => `模型不支持：代理没有提供 ${p.name}，最接近的可用模型是 ${p.suggestion}。`,
    noneListed: (p) => `模型不支持：代理没有提供 ${p.name}，而且它没有列出任何模型。`,
    serves: (p) => `模型不支持：代理没有提供 ${p.name}。可用的模型：${names(p.served, 6)}。`,
    switchWith: (p) => `${p.message}输入 /model ${p.suggestion} 切换，或按 Ctrl+P 选择其他模型。`,
    pickAnother: (p) => `${p.message}请按 Ctrl+P 选择其他模型。`,
  },

  settings: {
    title: '设置',
    now: (p) => `当前：${p.where}`,
    connecting: '正在连接…',
    hints: {
      ANTHROPIC_BASE_URL: 'LiteLLM 代理地址，例如 http://127.0.0.1:3000（留空：直连 Anthropic）',
      ANTHROPIC_API_KEY: '密钥（LiteLLM 代理用 Bearer 发送，Anthropic 用 x-api-key）',
      ANTHROPIC_AUTH_TOKEN: 'Bearer 令牌；设置后优先于 ANTHROPIC_API_KEY',
      OPENWORK_PROXY_FORMAT: '经代理时的请求格式：auto 自动识别 LiteLLM（openai）或网关（anthropic）',
      OPENAI_API_KEY: '用于直接发给 OpenAI 的 gpt-* / o* 模型（不会用作代理密钥）',
      OPENAI_BASE_URL: 'gpt-* 模型使用的 OpenAI 兼容地址（留空：api.openai.com）',
      OPENWORK_TIMEOUT_MS: '连接及首字节超时，单位毫秒',
    },
    fallbacks: {
      anthropicDirect: '直连 Anthropic',
    },
    source: {
      file: '文件',
      environment: '环境变量',
      unset: '未设置',
      default: '默认',
      removed: '保存时删除',
      edited: ' · 已修改',
    },
    typingReplaces: ' 输入将替换原值',
    normalised: (p) => `${p.value}（${p.note}）`,
    edited: '  已修改',
    test: '测试连接（Ctrl+T）',
    save: '保存（Ctrl+S）',
    saving: '正在保存…',
    overwrite: '仍要覆盖保存吗？以你填写的字段为准，文件中的其他行保留。(y/n)',
    discard: '放弃修改并离开吗？(y/n)',
    editKeys: 'Enter 确认 · Esc 取消 · ←→ Home End 移动 · Ctrl+U 清空 · Ctrl+S 保存',
    keys: {
      move: '移动',
      edit: '编辑',
      choose: '选择',
      reveal: '显示密钥',
      test: '测试',
      save: '保存',
      close: '关闭',
    },
    leavesFile: (p) => `${p.key} 将从文件中删除；之后使用环境变量中的值`,
    invalidNot: (p) => `${p.key}：${p.message} —— ${p.what === 'saved' ? '未保存' : '未测试'}`,
    nothingToSave: '没有需要保存的修改',
    changedOnDisk: (p) => `打开此页面后，${p.path} 在磁盘上被修改过。`,
    notSaved: (p) => `未保存：${p.message}`,
    saved: (p) => `${p.path ? `已保存到 ${p.path}` : '已保存'}。应用马上切换到新设置。`,
    cannotTest: (p) => `无法测试：${p.error}`,
    testFailed: (p) => `测试连接未能运行：${p.error}`,
    keptEdits: '未保存。你的修改仍在；关闭后重新打开即可载入文件的当前内容。',
    checks: {
      title: '测试连接',
      testing: '正在测试修改后的设置（尚未保存）…',
      problems: (p) => `发现 ${p.n} 个问题${p.rest ? `（${p.rest}）` : ''}`,
      rest: (p) => [p.passed && `${p.passed} 项通过`, p.skipped && `${p.skipped} 项跳过`].filter(Boolean).join('，'),
      allPassed: (p) => `全部 ${p.n} 项检查通过`,
      ms: (p) => ` ${p.ms} 毫秒`,
      fix: {
        key: (p) => `请检查上面的 ${p.key}（按 Enter 编辑），然后再测试一次。`,
        lines: (p) => `请修正 ${p.path} 的第 ${p.lines.join('、')} 行（上面显示的是从该文件读到的值）。`,
        values: '请在上面填写 ANTHROPIC_BASE_URL 和 ANTHROPIC_API_KEY，然后再测试一次。',
      },
    },
    language: {
      label: '界面语言',
      hint: '界面显示的语言，切换后立即生效（“跟随系统”按 LC_ALL / LANG 决定）',
      system: (p) => `跟随系统（${p.name}）`,
    },
  },

  doctor: {
    labels: {
      config: '配置文件',
      address: '地址',
      server: '服务器',
      key: '密钥',
      model: '模型',
      request: '请求',
    },
    titled: (p) => `${p.label}：${p.title}`,
    summary: (p) => {
      const extra = [p.warned && `${p.warned} 项警告`, p.skipped && `${p.skipped} 项跳过`].filter(Boolean).join('，');
      if (!p.failed.length) {
        return `${p.passed === p.total ? `全部 ${p.passed} 项` : `${p.total} 项中 ${p.passed} 项`}检查通过${extra ? `（${extra}）` : ''}。`;
      }
      return `${p.failed.length} 项检查未通过：${p.failed.join('、')}${extra ? `（${extra}）` : ''}。请先修复第一个 ✖，然后重新运行 doctor。`;
    },
    view: '诊断',
    progress: (p) => `正在检查 ${p.n}/${p.total}… · 按 Esc 停止`,
    fix: '修复：',
    tip: '提示：',
    header: (p) => `· ${p.envPath} · 模型 ${p.model}（${{ arg: '--model', saved: '上次选择', default: '默认' }[p.from]}）`,
    cannotRead: (p) => `无法读取 ${p.path}（${p.code}）`,
    cannotReadFix: (p) => `请检查文件的所有者和权限：它应该属于你，并设置 chmod 600 ${p.path}。`,
    serverSaid: (p) => `服务器返回：${p.detail}`,
    failed: (p) => `${p.title}。${p.message}`,
    skipped: (p) => `已跳过：${p.why}`,
    outOfTime: (p) => `时间不够了（整个检查须在 OPENWORK_TIMEOUT_MS=${p.ms} 内完成）`,
    nothingConfigured: (p) => `还没有任何配置：${p.path} 不存在，也没有设置任何 ANTHROPIC_* 环境变量`,
    nothingConfiguredFix: (p) => `创建 ${p.path} 并写入 ANTHROPIC_BASE_URL 和 ANTHROPIC_API_KEY，或直接运行 openwork-tui（首次运行会打开设置页面）。`,
    envOnly: (p) => `没有 ${p.path}：只使用环境变量`,
    envOnlyFix: (p) => `在 openwork-tui 中保存设置（Ctrl+S），即可把它们保存到 ${p.path}。`,
    readable: (p) => `${p.path}（${p.octal}：其他用户可以读取密钥）`,
    private: (p) => `${p.path}（${p.octal}，仅自己可读）`,
    notSavedYet: (p) => `${p.path}（尚未保存：检查的是屏幕上的值）`,
    problemLine: (p) => `${p.line ? `第 ${p.line} 行：` : ''}${p.warning ? '警告：' : ''}${p.message}`,
    problems: (p) => `${p.path}：${p.n} 个问题${p.lines.length ? `（第 ${p.lines.join('、')} 行）` : ''}`,
    problemsFix: (p) => `请修正${p.lines.length ? ` ${p.path} 的第 ${p.lines.join('、')} 行` : '上面列出的值'}（也可以在设置页面中修改，按 Ctrl+S）。`,
    tidy: (p) => `建议整理一下 ${p.path}（上面的警告不影响使用）。`,
    value: {
      baseUrlUnset: '（未设置：直连 Anthropic API）',
      formatDefault: 'auto（默认）',
      timeoutDefault: (p) => `${p.ms}（默认）`,
      fileLine: (p) => `.env 第 ${p.line} 行`,
      environment: '环境变量',
      overrides: (p) => `覆盖了环境变量中的 ${p.value}`,
      emptyInFile: (p) => `.env 第 ${p.line} 行为空`,
      sent: '作为密钥发送',
      tokenWins: '不发送：ANTHROPIC_AUTH_TOKEN 优先',
      openaiOnly: '只用于 gpt-*/o* 模型，不会发给代理',
      anthropicDirect: '直连 Anthropic API',
      withNotes: (p) => `${p.value}（${p.notes.join('；')}）`,
    },
    badUrl: 'ANTHROPIC_BASE_URL 不是可用的地址',
    onLine: (p) => `.env 第 ${p.line} 行`,
    badUrlFix: '请把 ANTHROPIC_BASE_URL 设置为 LiteLLM 代理的地址，例如 http://127.0.0.1:3000（不需要路径，也不需要 /v1）。',
    nothingToConnect: '没有设置 ANTHROPIC_BASE_URL（直连 Anthropic API），也没有密钥：无法连接',
    usedAs: (p) => `ANTHROPIC_BASE_URL ${p.raw} 按 ${p.url} 使用`,
    checkingAnthropic: (p) => `没有设置 ANTHROPIC_BASE_URL：检查 Anthropic API（${p.url}）`,
    ipAddress: (p) => `${p.host} 是 IP 地址（无需 DNS 解析）`,
    dns: (p) => `DNS：${p.host} → ${p.addresses}（${p.ms} 毫秒）`,
    noDns: (p) => `主机名 ${p.host} 无法解析`,
    tcp: (p) => `TCP：已连接 ${p.address}:${p.port}（${p.ms} 毫秒）`,
    noTcp: (p) => `${p.host}:${p.port} 上没有服务接受连接`,
    tcpSilent: (p) => `${p.ms} 毫秒内连接没有任何响应：可能是防火墙丢弃了数据包，或者主机已关机`,
    tls: (p) => `TLS：${p.protocol}，证书颁发给 ${p.subject}，颁发者 ${p.issuer}，有效期至 ${p.validTo}`,
    tlsFailed: 'TLS 握手失败',
    plainAnswers: (p) => `${p.url} 有响应${p.litellm ? '（是 LiteLLM）' : ''}：该端口使用的是普通 HTTP`,
    httpToTls: '地址用的是 http://，但该端口使用 HTTPS',
    tlsOnPort: (p) => `端口 ${p.port} 上的 TLS 握手成功`,
    silent: (p) => `${p.host} 接受连接，但没有响应`,
    silentDetail: (p) =>
      `连接已建立，但 ${p.ms} 毫秒内没有收到 HTTP 响应（每次探测，doctor 最多等待 OPENWORK_TIMEOUT_MS=${p.timeoutMs} 的三分之一，且不超过 5 秒）`,
    noHttp: (p) => `${p.host} 没有响应 HTTP 请求`,
    reachable: (p) => `${p.url} 可以连接，并响应 ${p.https ? 'HTTPS' : 'HTTP'} 请求`,
    notChecked: '地址未经检查',
    alive: (p) =>
      `GET /health/liveliness："I'm alive!"${p.version ? `，版本 ${p.version}${p.fromHeader ? '（来自 x-litellm-version 响应头）' : '（来自 /health/readiness）'}` : ''}`,
    notAlive: (p) => `GET /health/liveliness：${p.answer}（不是 LiteLLM 的响应）`,
    noModelsAnswer: (p) => `${p.host} 没有响应 GET /v1/models`,
    apiAnswer: (p) =>
      `不带密钥请求 GET /v1/models：${p.status}${
        !p.json
          ? ` ${p.contentType || '无 content-type'}${p.server ? `，server: ${p.server}` : ''}`
          : p.status === 200
            ? '（开放：无需密钥）'
            : p.status === 401 || p.status === 403
              ? '（需要密钥）'
              : ''
      }`,
    somethingElse: '响应的不是 LiteLLM 代理（见上文）',
    healthButPage: 'LiteLLM 的健康检查接口有响应，但 API 路径返回的是网页：代理前面还有别的服务在响应',
    formatSet: (p) => `OPENWORK_PROXY_FORMAT=${p.format}：请求使用 ${p.format === 'openai' ? 'OpenAI chat-completions' : 'Anthropic Messages'} 格式`,
    litellmFormat: '请求使用 OpenAI chat-completions 格式，发往 /v1（LiteLLM）',
    gatewayFormat: '请求使用 Anthropic Messages 格式（不是 LiteLLM）',
    anthropicApi: 'Anthropic API',
    litellmAt: (p) => `LiteLLM ${p.version ?? '（未报告版本）'}，位于 ${p.host}`,
    gatewayAt: (p) => `${p.host} 上的 Anthropic 兼容网关（不是 LiteLLM）`,
    openaiLike: (p) => `${p.host} 上的 OpenAI 兼容 API，但它没有表明自己是 LiteLLM`,
    openaiLikeFix: '请设置 OPENWORK_PROXY_FORMAT=openai：设为 "auto" 时，凡不是 LiteLLM 的服务都按 Anthropic 格式发送请求。',
    apiAt: (p) => `${p.host} 上的 API（格式由 OPENWORK_PROXY_FORMAT 指定）`,
    oddJson: (p) => `${p.host} 返回了 JSON，但既不是 LiteLLM，也不是 Anthropic 的格式`,
    oddJsonFix: '请确认 ANTHROPIC_BASE_URL 指向 LiteLLM 代理（或设置 OPENWORK_PROXY_FORMAT）。',
    noKey: '没有设置密钥',
    noKeyDetail: (p) => `${p.path} 和环境变量中都没有 ANTHROPIC_API_KEY 或 ANTHROPIC_AUTH_TOKEN`,
    serverNotChecked: '服务器未经检查',
    keyFrom: (p) => `${p.key}（来自 ${p.keyVar}）`,
    bothKeys: (p) => `同时设置了 ANTHROPIC_AUTH_TOKEN 和 ANTHROPIC_API_KEY：以 ANTHROPIC_AUTH_TOKEN 为准，ANTHROPIC_API_KEY（${p.key}）不会发送`,
    sentAs: (p) => `以 ${p.header} 发送`,
    noListing: (p) => `${p.host} 不提供模型列表（404）：密钥将由下面的请求检查`,
    keyRefused: '密钥被拒绝（见上文）',
    listingFailed: '获取模型列表失败（见上文）',
    lists: (p) => `${p.host} 列出了 ${p.ids.length} 个模型${p.ids.length ? `：${names(p.ids, 8)}` : ''}`,
    keyAccepted: (p) =>
      p.sent ? `${p.anthropic ? 'Anthropic API' : 'LiteLLM 代理'}接受了密钥 ${p.sent}` : `${p.anthropic ? 'Anthropic API' : 'LiteLLM 代理'}不需要密钥（没有发送密钥）`,
    unlisted: (p) => `${p.host} 不列出它的模型；下面的请求会直接尝试 ${p.model}`,
    servedUnknown: '不清楚代理提供哪些模型',
    servedBy: (p) => `${p.by ?? 'Anthropic API'} 提供 ${p.model}`,
    defaultReplaced: (p) => `${p.by} 提供 ${p.suggestion}：还没有选择模型，而它不提供默认模型 ${p.model}，聊天会使用 ${p.suggestion}`,
    wildcard: (p) => `${p.model} 匹配代理的通配路由 "${p.route}"`,
    toOpenai: (p) => `代理没有提供 ${p.model}：它会直接发给 OpenAI（OPENAI_API_KEY），doctor 不检查这一项`,
    nearestFirst: (p) => `可用模型（按接近程度排序）：${p.names.join(', ')}`,
    listsNone: (p) => `${p.host} 没有列出任何模型：它的 model_list 是空的，或者这个密钥不能使用任何模型`,
    notServed: (p) => `代理没有提供 ${p.model}（见上文）`,
    notListedTries: (p) => `${p.model} 不在 ${p.host} 列出的模型中；下面的请求仍会尝试它`,
    earlierFailed: '前面的检查未通过',
    notThroughProxy: (p) => `${p.model} 不经过代理发送`,
    partialReply: (p) => `部分回复：${p.reply}`,
    firstText: (p) => `${p.ms} 毫秒后收到第一段文字`,
    noText: '没有收到文字（只有一个 token 的回复可能为空）',
    reply: (p) => `回复：${p.reply}`,
    tokens: (p) => `token：输入 ${p.input}，输出 ${p.output}${p.cost !== undefined ? `，费用 $${p.cost}` : ''}`,
    requestId: (p) => `请求 ID：${p.id}`,
    paramRefused: (p) => `代理拒绝了可选参数 ${p.param}（HTTP ${p.status}）：已去掉它重新发送，聊天从此也不再发送它（token 数为估算）`,
    paramLeftOut: (p) => `未发送 ${p.param}：这个代理之前对该模型拒绝过它（token 数为估算）`,
    dropParamsTip: '要让代理自己忽略这类参数，请在它的配置中设置 `litellm_settings: drop_params: true`',
    answered: (p) => `${p.model} 在 ${p.total} 毫秒内完成了一个单 token 请求（首字节 ${p.ttfb} 毫秒）`,
  },

  cli: {
    modelUsed: (p) =>
      `openwork-tui：使用模型 ${p.model}（${
        p.reason === 'saved' ? '这个连接上次选择的模型' : p.reason === 'nearest' ? `代理不提供默认模型 ${p.fallback}，这是它提供的最接近的模型` : '内置默认模型'
      }；用 --model 名称 可换用其他模型）\n`,
    usage: (p) => `openwork-tui：${p.message}\n运行 "openwork-tui --help" 查看用法。\n`,
    needsTerminal: 'openwork-tui：聊天界面需要在终端中运行；脚本中请使用 -p "文本"\n',
    notAvailable: (p) => `openwork-tui："${p.kind}" 暂不可用\n`,
    needsText: 'openwork-tui：-p 需要要发送的文本（或通过 stdin 管道输入）\n',
    nothingToSend: 'openwork-tui：没有可发送的内容\n',
    noLog: (p) => `还没有日志：${p.path}\n`,
    serverSaid: (p) => `  服务器返回：${p.detail}`,
    hint: '提示：',
    args: {
      needsValue: (p) => `${p.flag} 需要一个值`,
      debugValue: '--debug 不接受值，或使用 --debug=body',
      unknownOption: (p) => `未知选项 ${p.option}`,
      unexpected: (p) => `多余的参数 "${p.arg}"`,
      configAction: (p) => `未知的 config 操作 "${p.action}"（可用：get、set、unset、list）`,
      configKey: (p) => `config ${p.action} 需要指定 KEY`,
      configSet: 'config set 需要 KEY 和 VALUE',
      configExtra: 'config 的参数太多',
      unknownCommand: (p) => `未知命令 "${p.command}"`,
      lang: (p) => `--lang 只能是 en 或 zh-CN（当前为 "${p.value}"）`,
      sessionId: (p) => `会话 ID 是一个数字（当前为 "${p.value}"）；openwork-tui sessions list 可列出所有会话`,
      continueOrResume: '--continue 和 --resume 不能同时使用',
      sessionsNeedsId: (p) => `sessions ${p.action} 需要一个会话 ID`,
      sessionsSearch: 'sessions search 需要要查找的文字',
      sessionsFormat: (p) => `--format 只能是 md 或 json（当前为 "${p.value}"）`,
      sessionsAction: (p) => `未知的 sessions 操作 "${p.action}"（list、search、show、export、rm）`,
    },
    models: {
      connection: (p) => `连接：${p.label}`,
      served: '代理提供的模型：',
      notServed: '内置但此代理未提供（请求会失败，报错 "Invalid model name"）：',
      openaiDirect: '内置，直接发送到 OpenAI（已设置 OPENAI_API_KEY），不经过代理：',
      use: (p) => `  可改用 ${p.suggestion}`,
      unknown: '内置模型（无法向代理查询它提供哪些）：',
      builtin: '内置模型：',
      context: (p) => `${p.k}k 上下文`,
      price: (p) => `每百万 token $${p.input}/$${p.output}`,
    },
    config: {
      notYet: '（尚未创建）',
      unset: '未设置',
      unsetWith: (p) => `未设置（${p.fallback}）`,
      file: '文件',
      environment: '环境变量',
      warning: '警告：',
      problem: (p) => `.env${p.line ? ` 第 ${p.line} 行` : ''}：${p.message}`,
      unknownKey: (p) => `openwork-tui：未知的设置项 "${p.key}"。可用的设置项：\n`,
      notSet: (p) => `${p.key} 未设置\n`,
      nothingWritten: '没有写入任何内容。\n',
      empty: (p) => `值为空；要删除它请使用 "openwork-tui config unset ${p.key}"`,
      note: '注意：',
      conflict: (p) => `保存时 ${p.path} 被修改了；没有写入任何内容，请重试\n`,
      already: (p) => `${p.key} 已经是 ${p.value}`,
      envAlso: (p) => `环境变量中也设置了 ${p.key}；以文件中的值为准`,
      removed: (p) => `已从 ${p.path} 中删除 ${p.key}`,
      notInFile: (p) => `${p.path} 中没有 ${p.key}`,
      envStill: (p) => `环境变量中仍设置了 ${p.key}，现在将使用该值`,
    },
  },

  history: {
    unavailable: (p) => `会话记录不可用：${p.why}。聊天不受影响，但本次运行不会保存任何内容。`,
    why: {
      off: '会话记录已关闭（OPENWORK_HISTORY=off，或在设置中关闭了“保存对话”）',
      corrupt: (p) => `${p.path} 已损坏或不是数据库（文件保持原样，未做改动）`,
      newer: (p) => `${p.path} 由更新版本的 openwork-tui 写入（数据库版本 ${p.version}）；请升级本程序后再使用`,
      busy: (p) => `另一个 openwork-tui 一直锁着 ${p.path}`,
      unavailable: (p) => `无法打开 ${p.path}（${p.detail}）`,
    },
    resumed: (p) => `继续会话 ${p.id}「${p.title}」（${p.n} 条消息）`,
    hiddenEarlier: (p) => `更早的 ${p.n} 条消息未显示（仍会全部作为上下文发送）—— openwork-tui sessions show ${p.id}`,
    noSession: '还没有可继续的会话 —— 这是一个新会话',
    notFound: (p) => `没有会话 ${p.id} —— openwork-tui sessions list 可列出所有会话`,
    newSession: '已开始新会话 —— 之前的会话已保存（/resume 可恢复）',
    renamed: (p) => `会话已重命名：${p.title}`,
    renameNeedsTitle: '用法：/rename 标题',
    exported: (p) => `已导出到 ${p.path}`,
    exportFailed: (p) => `无法写入 ${p.path}：${p.detail}`,
    nothingYet: '本会话还没有保存任何内容 —— 发送第一条消息后开始保存',
    doc: {
      session: (p) => `会话 ${p.id}`,
      started: '开始时间',
      updated: '更新时间',
      folder: '目录',
      user: '你',
      assistant: '助手',
      model: '模型',
      time: '时间',
      callId: '调用 ID',
      tokens: (p) => `token：输入 ${p.input} / 输出 ${p.output}`,
      cost: (p) => `费用 $${p.cost}`,
      connection: '经由',
      status: {
        interrupted: '已中断',
        failed: (p) => `失败：${p.title}`,
        streaming: '不完整：程序在回复过程中退出',
        max_tokens: '已达到 token 上限，回复停止',
      },
    },
    cli: {
      empty: '还没有保存的会话。\n',
      noMatch: (p) => `没有会话包含 "${p.query}"。\n`,
      notFound: (p) => `openwork-tui：没有会话 ${p.id}（openwork-tui sessions list 可列出所有会话）\n`,
      columns: { id: '编号', updated: '更新时间', messages: '消息数', model: '模型', title: '标题' },
      removed: (p) => `已删除会话 ${p.id}（${p.title}）。\n`,
      written: (p) => `已写入 ${p.path}\n`,
      unavailable: (p) => `openwork-tui：会话记录不可用：${p.why}\n`,
    },
    picker: {
      title: '恢复会话',
      placeholder: '输入文字，搜索所有消息',
      none: '没有匹配的会话',
      empty: '还没有保存的会话',
      hint: '↑↓ 选择 · Enter 打开 · Esc 关闭',
      messages: (p) => `${p.n} 条`,
    },
    reverseSearch: (p) => `${p.found ? '' : '未找到 '}反向搜索：${p.query}`,
  },

  usage: {
    title: (p) => `openwork-tui ${p.version} —— 在终端里与 Claude 对话，通过 LiteLLM 代理或 Anthropic API`,
    usage: '用法',
    commands: [
      ['openwork-tui', '打开聊天界面（首次运行会打开设置）'],
      ['openwork-tui -p "文本" [--model M]', '把一条回复输出到 stdout（不给文本时读取 stdin）'],
      ['openwork-tui models [--json]', '列出模型，以及代理是否提供'],
      ['openwork-tui doctor [--json]', '检查配置、地址、密钥和模型'],
      ['openwork-tui config list|get|set|unset [KEY] [VALUE] [--reveal]', ''],
      ['', '查看或修改 $OPENWORK_HOME/.env（密钥会被遮盖）'],
      ['openwork-tui logs [-f]', '输出（或持续跟踪）日志'],
      ['openwork-tui sessions list|search 文本 [--json]', '已保存的对话，最新的在前（search 搜索所有消息）'],
      ['openwork-tui sessions show|rm ID', '显示或删除一个会话'],
      ['openwork-tui sessions export ID [--format md|json] [-o 文件]', '导出为 Markdown 或 JSON'],
    ],
    options: '选项',
    optionRows: [
      ['-m, --model NAME', '使用的模型（默认：上次选择的模型，否则为 claude-sonnet-4-5-20250929）'],
      ['--debug[=body]', '每个请求记录一行日志（=body 时包含请求体）；密钥会被遮盖'],
      ['-c, --continue', '继续上一次对话（当前目录有会话时取当前目录的）'],
      ['--resume [ID]', '继续指定的对话，或从列表中选择'],
      ['--lang en|zh-CN', '本次运行的界面语言（默认：设置中保存的语言，否则按 LC_ALL / LANG）'],
      ['-h, --help', '显示本帮助'],
      ['-v, --version', '显示版本号'],
    ],
    configuration: '配置（$OPENWORK_HOME/.env，默认 ~/.openwork/.env；文件中的值优先于环境变量）',
    configRows: [
      ['ANTHROPIC_BASE_URL', 'LiteLLM 代理地址，例如 http://127.0.0.1:3000（不设置：直连 Anthropic）'],
      ['ANTHROPIC_API_KEY', '密钥（LiteLLM 代理用 Bearer 发送，Anthropic 用 x-api-key）'],
      ['ANTHROPIC_AUTH_TOKEN', 'Bearer 令牌；优先于 ANTHROPIC_API_KEY'],
      ['OPENWORK_PROXY_FORMAT', 'auto | openai | anthropic'],
      ['OPENWORK_TIMEOUT_MS', '连接及首字节超时（默认 60000）'],
      ['OPENAI_API_KEY, OPENAI_BASE_URL', 'gpt-* / o* 模型直连 OpenAI'],
    ],
    exitCodes: '退出码',
    exitRows: [
      ['0', '成功'],
      ['1', '其他错误'],
      ['2', '用法错误'],
      ['3', '认证失败（密钥被拒绝，403 错误）'],
      ['4', '网络问题（无法连接、连接超时、被拦截、TLS）'],
      ['5', '模型不支持'],
      ['130', '被中断'],
    ],
  },
};
