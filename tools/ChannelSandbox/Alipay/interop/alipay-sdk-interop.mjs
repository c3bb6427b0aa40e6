// Interop check, run by tests/ChannelSandbox.Tests/Alipay/OfficialSdkInteropTests.cs: Alipay's official Node.js SDK (alipay-sdk 4.x) against the sandbox.
import fs from 'node:fs';
import http from 'node:http';
import { AlipaySdk } from 'alipay-sdk';

const sandbox = process.env.SANDBOX ?? 'http://127.0.0.1:7181';
const secrets = process.env.SECRETS;
const sdk = new AlipaySdk({
  appId: '2021000000000001',
  privateKey: fs.readFileSync(`${secrets}/alipay-main-app-private-key`, 'ascii'),
  keyType: 'PKCS8',
  alipayPublicKey: fs.readFileSync(`${secrets}/alipay-main-alipay-public-key`, 'ascii'),
  gateway: `${sandbox}/gateway.do`,
});

const notifications = [];
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', chunk => { body += chunk; });
  req.on('end', () => {
    const postData = Object.fromEntries(new URLSearchParams(body));
    const ok = sdk.checkNotifySignV2(postData);
    notifications.push({ ok, postData });
    res.end(ok ? 'success' : 'fail');
  });
});
await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
const notifyUrl = `http://127.0.0.1:${server.address().port}/notify`;
const check = (label, condition, detail) => {
  console.log(`${condition ? 'ok  ' : 'FAIL'} ${label}${detail ? ' ' + JSON.stringify(detail) : ''}`);
  if (!condition) process.exitCode = 1;
};

const outTradeNo = 'node' + Date.now();
const precreate = await sdk.exec('alipay.trade.precreate', {
  notify_url: notifyUrl,
  bizContent: { out_trade_no: outTradeNo, total_amount: '10.00', subject: '拿铁 Latte' },
}, { validateSign: true });
check('precreate verified by the SDK', precreate.code === '10000' && precreate.qrCode.startsWith('https://qr.alipay.com/'), precreate);

const notYet = await sdk.exec('alipay.trade.query', { bizContent: { out_trade_no: outTradeNo } }, { validateSign: true });
check('query before scan is ACQ.TRADE_NOT_EXIST', notYet.subCode === 'ACQ.TRADE_NOT_EXIST', notYet);

await fetch(`${sandbox}/sandbox/alipay/orders/${outTradeNo}/pay`, { method: 'POST' });
for (let i = 0; i < 200 && notifications.length === 0; i++) await new Promise(r => setTimeout(r, 25));
check('notification verified by checkNotifySignV2', notifications.length === 1 && notifications[0].ok, notifications[0]?.postData?.trade_status);

const paid = await sdk.exec('alipay.trade.query', { bizContent: { out_trade_no: outTradeNo } }, { validateSign: true });
check('query after pay is TRADE_SUCCESS', paid.tradeStatus === 'TRADE_SUCCESS', paid.tradeStatus);

const refund = await sdk.exec('alipay.trade.refund', { bizContent: { out_trade_no: outTradeNo, refund_amount: '3.00', out_request_no: 'r1' } }, { validateSign: true });
check('partial refund fund_change Y', refund.fundChange === 'Y' && refund.refundFee === '3.00', refund);
const refundQuery = await sdk.exec('alipay.trade.fastpay.refund.query', { bizContent: { out_trade_no: outTradeNo, out_request_no: 'r1' } }, { validateSign: true });
check('refund query REFUND_SUCCESS', refundQuery.refundStatus === 'REFUND_SUCCESS', refundQuery);

const badKey = new AlipaySdk({
  appId: '2021000000000001',
  privateKey: fs.readFileSync(`${secrets}/alipay-main-app-private-key`, 'ascii'),
  keyType: 'PKCS8',
  alipayPublicKey: (await import('node:crypto')).generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }),
  gateway: `${sandbox}/gateway.do`,
});
try {
  await badKey.exec('alipay.trade.query', { bizContent: { out_trade_no: outTradeNo } }, { validateSign: true });
  check('a wrong Alipay public key fails the SDK\'s response check', false);
} catch (err) {
  check('a wrong Alipay public key fails the SDK\'s response check', /验签失败/.test(err.message), err.message.slice(0, 40));
}

const pageUrl = sdk.pageExecute('alipay.trade.page.pay', 'GET', {
  bizContent: { out_trade_no: 'page' + Date.now(), total_amount: '1.23', subject: 'Mug', product_code: 'FAST_INSTANT_TRADE_PAY' },
  returnUrl: 'https://shop.example.com/return',
  notifyUrl,
});
const page = await fetch(pageUrl);
const html = await page.text();
check('page pay URL from pageExecute opens the cashier', page.status === 200 && html.includes('1.23') && html.includes('id="pay"'), page.status);

server.close();
