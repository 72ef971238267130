'use strict';
// Apache Kafka 4.x, one KRaft process acting as broker and controller, jars from Maven Central.
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { config, mkdirp, log, javaBin, run, mavenCopyDependencies } = require('./cache');
const { tcpConnect, kafkaMetadata, kafkaFindCoordinator, kafkaInitProducerId, waitFor } = require('./probe');

function libsDir() {
  const { cacheDir, versions } = config();
  return path.join(cacheDir, `kafka-${versions.kafka}`, 'libs');
}

function home() {
  return path.join(config().dataDir, 'kafka');
}

function prepare() {
  return mavenCopyDependencies({
    pomDir: path.join(__dirname, 'kafka'),
    libsDir: libsDir(),
    props: { 'kafka.version': config().versions.kafka },
    label: `kafka ${config().versions.kafka}`,
  });
}

function serverProperties() {
  const { host, ports } = config();
  const b = `${host}:${ports.kafka}`;
  const c = `${host}:${ports.kafkaController}`;
  return [
    '# Written by deploy/local/kafka.js on every start; edit there.',
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.bootstrap.servers=${c}`,
    `listeners=PLAINTEXT://${b},CONTROLLER://${c}`,
    `advertised.listeners=PLAINTEXT://${b},CONTROLLER://${c}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    `log.dirs=${path.join(home(), 'data')}`,
    // One node: every internal topic has replication factor and min ISR 1.
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=1', // 50 by default: slow first consumer-group join for nothing
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'transaction.state.log.num.partitions=1',
    'share.coordinator.state.topic.replication.factor=1',
    'share.coordinator.state.topic.min.isr=1',
    'default.replication.factor=1',
    'min.insync.replicas=1',
    'num.partitions=1',
    'auto.create.topics.enable=true',
    'group.initial.rebalance.delay.ms=0', // tests join groups immediately instead of after 3 s
    'log.retention.hours=24',
    '',
  ].join('\n');
}

// The storage is formatted once per data folder. If the version or the ports change the bootstrap
// metadata (which records the controller endpoint for --standalone) no longer matches: reformat.
async function ensureFormatted() {
  const { versions, ports } = config();
  mkdirp(home());
  const propsFile = path.join(home(), 'server.properties');
  fs.writeFileSync(propsFile, serverProperties());
  const stampFile = path.join(home(), 'format.json');
  const want = { version: versions.kafka, port: ports.kafka, controllerPort: ports.kafkaController };
  let have = null;
  try {
    have = JSON.parse(fs.readFileSync(stampFile, 'utf8'));
  } catch {
    /* not formatted yet */
  }
  const formatted = fs.existsSync(path.join(home(), 'data', 'meta.properties'));
  const same = have && Object.keys(want).every((k) => have[k] === want[k]);
  if (formatted && same) return;
  if (formatted) log('kafka: version or ports changed since the storage was formatted: wiping .data/kafka/data');
  fs.rmSync(path.join(home(), 'data'), { recursive: true, force: true });
  // Same format as `kafka-storage.sh random-uuid` (base64url of 16 random bytes) without a JVM start;
  // Kafka itself never hands out ids starting with '-' (they look like options).
  let clusterId;
  do clusterId = crypto.randomBytes(16).toString('base64url');
  while (clusterId.startsWith('-'));
  await run(javaBin(), ['-Xmx256m', '-cp', `${libsDir()}/*`, ...log4jArgs(), 'kafka.tools.StorageTool', 'format', '--standalone', '-t', clusterId, '-c', propsFile], {
    label: 'kafka storage format',
    quiet: true,
  });
  fs.writeFileSync(stampFile, JSON.stringify({ ...want, clusterId }, null, 2));
}

function log4jArgs() {
  return [`-Dlog4j2.configurationFile=${path.join(__dirname, 'kafka', 'log4j2.properties')}`];
}

function env() {
  const { host, ports } = config();
  return { KAFKA_BROKERS: `${host}:${ports.kafka}` };
}

function external() {
  return process.env.KAFKA_BROKERS ? { KAFKA_BROKERS: process.env.KAFKA_BROKERS } : null;
}

async function commandLine() {
  if (!fs.existsSync(path.join(libsDir(), '.complete'))) throw new Error(`kafka jars missing in ${libsDir()}: run prepare first`);
  await ensureFormatted();
  const { ports } = config();
  const propsFile = path.join(home(), 'server.properties');
  const jvm = (process.env.WC_KAFKA_JAVA_OPTS || '-Xms256m -Xmx768m -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:TieredStopAtLevel=1').split(/\s+/).filter(Boolean);
  return {
    cmd: javaBin(),
    args: [...jvm, '-XX:+ExitOnOutOfMemoryError', '-Djava.awt.headless=true', ...log4jArgs(), '-cp', `${libsDir()}/*`, 'kafka.Kafka', propsFile],
    ports: [ports.kafka, ports.kafkaController],
    marker: propsFile, // identifies our broker in /proc/<pid>/cmdline
  };
}

// Ready = the broker answers a Metadata request listing itself (not merely an open port), and the
// group and transaction coordinators are loaded (a fresh broker creates __consumer_offsets and
// __transaction_state on first use; without this the first test's consumer / idempotent producer
// gets "The coordinator is loading" and retries).
function ready({ handle, timeoutMs }) {
  const { host, ports } = config();
  return waitFor(
    async () => {
      const md = await kafkaMetadata(host, ports.kafka);
      if (md.brokers.length === 0) throw new Error('metadata lists no broker yet');
      const code = await kafkaFindCoordinator(host, ports.kafka);
      if (code !== 0) throw new Error(`group coordinator not available yet (error code ${code})`);
      const pidCode = await kafkaInitProducerId(host, ports.kafka);
      if (pidCode !== 0) throw new Error(`transaction coordinator not available yet (error code ${pidCode})`);
    },
    { timeoutMs, handle, what: 'kafka', intervalMs: 300 },
  );
}

// Brokers we did not start (maybe TLS/SASL): TCP reachability of the first bootstrap address.
function checkExternal(e, timeoutMs) {
  const first = e.KAFKA_BROKERS.split(',')[0].trim();
  const i = first.lastIndexOf(':');
  return waitFor(() => tcpConnect(first.slice(0, i), Number(first.slice(i + 1))), { timeoutMs, what: `kafka at KAFKA_BROKERS=${e.KAFKA_BROKERS}` });
}

module.exports = {
  name: 'kafka',
  envVar: 'KAFKA_BROKERS',
  portVars: ['WC_KAFKA_PORT', 'WC_KAFKA_CONTROLLER_PORT'],
  stopSignal: 'SIGTERM', // controlled shutdown; the grace period covers it
  readyTimeoutMs: 120000,
  prepare,
  env,
  external,
  checkExternal,
  commandLine,
  ready,
  libsDir,
};
