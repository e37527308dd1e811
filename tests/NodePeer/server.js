'use strict';

// A websocket server on Node's `ws` package: the second real peer of the CpWebSocket tests, so the client is
// checked against an implementation other than Kestrel. The test process starts it, reads the port from the
// `LISTENING <port>` line on stdout, and closes stdin to stop it.
//
// Paths:
//   /echo        echoes each message in kind (text stays text, binary stays binary)
//   /chat        {"type":"ping","id":N,...} gets {"type":"pong","id":N,"server":"node"}; anything else is echoed unchanged
//   /close       ?code=4001&reason=bye: closes with that code and reason after `after` messages (default 1; 0: at once);
//                with `tag`, remembers the close frame the client answered with (code 1006: it never answered)
//   /closed      ?tag=T: sends {"code":N,"reason":"..."}, the answer /close got under tag T, once it has arrived
//   /terminate   destroys the TCP connection, without a close frame, after `after` messages (default 1)
//   /ping        pings every 20 ms; once the client's pongs for 3 pings were seen, sends the text "pongs:<n>"
//   /jsonrpc     JSON-RPC 2.0: "add" {a,b} answers {"result":{"sum":a+b}}, "fail" {message} answers an error -32000,
//                anything else -32601; ?batch=N holds answers until N calls arrived, then answers them in reverse
//                order, each preceded by a {"method":"progress"} notification that carries no id
//   /stream      ?interval_ms=5: sends the text "tick <n>" every interval_ms and echoes what the client sends

const { WebSocketServer } = require('ws');

const PING_INTERVAL_MS = 20;
const PONGS_WANTED = 3;

// The close frames clients answered /close with, by tag: a promise each, so /closed may ask before it arrives.
const closeAnswers = new Map();

function closeAnswer(tag) {
    if (!closeAnswers.has(tag)) {
        let resolve;
        const promise = new Promise((done) => {
            resolve = done;
        });
        closeAnswers.set(tag, { promise, resolve });
    }

    return closeAnswers.get(tag);
}

const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });

wss.on('listening', () => {
    process.stdout.write(`LISTENING ${wss.address().port}\n`);
});

wss.on('error', (err) => {
    // Cannot listen: say why and exit, so the test fails with this message instead of a timeout.
    process.stderr.write(`server error: ${err.stack || err}\n`);
    process.exit(1);
});

wss.on('connection', (ws, request) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    // A client that misbehaves must only end its own connection, never the server.
    ws.on('error', (err) => process.stderr.write(`${url.pathname}: ${err.message}\n`));

    switch (url.pathname) {
        case '/echo':
            ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary }));
            break;
        case '/chat':
            ws.on('message', (data, isBinary) => chat(ws, data, isBinary));
            break;
        case '/close': {
            const code = Number(url.searchParams.get('code') ?? 1000);
            const reason = url.searchParams.get('reason') ?? '';
            const tag = url.searchParams.get('tag');
            if (tag) {
                ws.on('close', (answer, answerReason) => closeAnswer(tag).resolve({ code: answer, reason: answerReason.toString('utf8') }));
            }

            afterMessages(ws, url, () => ws.close(code, reason));
            break;
        }
        case '/closed': {
            const tag = url.searchParams.get('tag') ?? '';
            closeAnswer(tag).promise.then((answer) => {
                closeAnswers.delete(tag);
                ws.send(JSON.stringify(answer));
            });
            break;
        }
        case '/terminate':
            afterMessages(ws, url, () => ws.terminate());
            break;
        case '/ping':
            pingUntilAnswered(ws);
            break;
        case '/jsonrpc':
            jsonRpc(ws, Number(url.searchParams.get('batch') ?? 1));
            break;
        case '/stream':
            stream(ws, Number(url.searchParams.get('interval_ms') ?? 5));
            break;
        default:
            ws.close(4404, `no endpoint ${url.pathname}`);
    }
});

function chat(ws, data, isBinary) {
    if (!isBinary) {
        let message;
        try {
            message = JSON.parse(data.toString('utf8'));
        } catch {
            message = undefined; // not JSON: echoed below like any other message
        }

        if (message !== null && typeof message === 'object' && message.type === 'ping') {
            ws.send(JSON.stringify({ type: 'pong', id: message.id, server: 'node' }));
            return;
        }
    }

    // The original bytes, not a re-serialization, so the client sees exactly what it sent.
    ws.send(data, { binary: isBinary });
}

function jsonRpc(ws, batch) {
    let held = [];
    ws.on('message', (data) => {
        const call = JSON.parse(data.toString('utf8'));
        held.push(call);
        if (held.length < batch) {
            return;
        }

        const answering = held.reverse();
        held = [];
        for (const c of answering) {
            ws.send(JSON.stringify({ jsonrpc: '2.0', method: 'progress', params: { answering: c.id } }));
            ws.send(JSON.stringify(answer(c)));
        }
    });

    function answer(c) {
        switch (c.method) {
            case 'add':
                return { jsonrpc: '2.0', id: c.id, result: { sum: c.params.a + c.params.b } };
            case 'fail':
                return { jsonrpc: '2.0', id: c.id, error: { code: -32000, message: c.params.message } };
            default:
                return { jsonrpc: '2.0', id: c.id, error: { code: -32601, message: `no method ${c.method}` } };
        }
    }
}

// Runs `action` once `after` messages (query parameter, default 1) have arrived; at once when it is 0.
function afterMessages(ws, url, action) {
    let remaining = Number(url.searchParams.get('after') ?? 1);
    if (remaining <= 0) {
        action();
        return;
    }

    ws.on('message', () => {
        remaining -= 1;
        if (remaining === 0) {
            action();
        }
    });
}

function pingUntilAnswered(ws) {
    let pongs = 0;
    const timer = setInterval(() => ws.ping(), PING_INTERVAL_MS);
    ws.on('pong', () => {
        pongs += 1;
        if (pongs === PONGS_WANTED) {
            clearInterval(timer);
            ws.send(`pongs:${pongs}`);
        }
    });
    ws.on('close', () => clearInterval(timer));
}

function stream(ws, intervalMs) {
    let tick = 0;
    const timer = setInterval(() => {
        tick += 1;
        ws.send(`tick ${tick}`);
    }, intervalMs);
    ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary }));
    ws.on('close', () => clearInterval(timer));
}

function shutDown() {
    for (const client of wss.clients) {
        client.terminate();
    }

    wss.close();
    process.exit(0);
}

// Never outlive the test process: its end closes our stdin, whether it exits cleanly or crashes.
process.stdin.on('end', shutDown);
process.stdin.on('close', shutDown);
process.stdin.resume();
process.on('SIGTERM', shutDown);
