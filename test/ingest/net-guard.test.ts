// Which addresses the SSRF guard refuses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isPrivateAddress } from '../../src/ingest/net-guard.js';

test('private, loopback, link-local, unique-local and unspecified addresses are refused', () => {
  for (const ip of [
    '127.0.0.1', '127.255.0.9', '10.0.0.1', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254',
    '0.0.0.0', '100.64.0.1', '224.0.0.1', '255.255.255.255',
    '::1', '::', 'fe80::1', 'fe80::1%eth0', 'fc00::1', 'fd12:3456::1', 'ff02::1',
    '::ffff:127.0.0.1', '::ffff:10.0.0.1', '::ffff:7f00:1', '::127.0.0.1', '64:ff9b::a00:1', '2002:c0a8:101::1', '[::1]',
    'not-an-ip',
  ]) assert.equal(isPrivateAddress(ip), true, ip);
});

test('public addresses pass', () => {
  for (const ip of ['8.8.8.8', '1.1.1.1', '172.32.0.1', '100.128.0.1', '2606:4700::1111', '::ffff:8.8.8.8', '2a00:1450:4001:80b::200e', '64:ff9b::808:808']) {
    assert.equal(isPrivateAddress(ip), false, ip);
  }
});
