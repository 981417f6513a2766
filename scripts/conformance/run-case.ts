import type { TestDriverApi } from '../../server/testing/driver-api';
import { driverTarget, type CaseTarget } from './case-target';
import { topicDifference, type ActualRecord, type Difference } from './compare-records';
import {
  errorMatches,
  errorMismatch,
  mustComeFromLastStatement,
  oneLine,
  type ExpectedError,
  type RaisedError,
} from './expected-error';
import { describeError, failed, messageCategory, messageOf, PASSED, type CaseOutcome } from './outcome';
import { postDifference } from './post-conditions';
import type { QttCase } from './qtt-case';
import type { QttRecord } from './qtt-schema';
import { alignPartitions } from './partition-order';
import { decodeOutput, encodeInput, TopicInfoCache } from './record-io';

/**
 * Runs one case against a driver and judges it, following ksqlDB's `TestExecutor`: declared topics
 * are created, statements run one by one, then the inputs are produced in order; an expected error
 * must come from a statement or from processing; then outputs are compared per topic and the
 * post-conditions checked. Never throws: anything unexpected is a failure with its message.
 */
export async function runCase(driver: TestDriverApi, c: QttCase): Promise<CaseOutcome> {
  return runCaseOn(driverTarget(driver), c);
}

/** `runCase` on any target (the driver, or an engine over a broker). */
export async function runCaseOn(target: CaseTarget, c: QttCase): Promise<CaseOutcome> {
  try {
    return await judge(target, c);
  } catch (e) {
    const message = oneLine(describeError(e));
    return failed('runner error', `runner error: ${message}`, messageCategory(message));
  }
}

async function judge(driver: CaseTarget, c: QttCase): Promise<CaseOutcome> {
  const expected = c.expectedException;
  for (const t of c.topics) await driver.createTopic(t.name, t.partitions ?? 1);

  const infos = new TopicInfoCache();
  // ksqlDB's runner parses the statements joined by newlines, so error positions ("Line: 3, Col: 38")
  // count lines from the first statement: each one is sent after as many blank lines.
  let lineOffset = 0;
  for (const [i, statement] of c.statements.entries()) {
    const leading = '\n'.repeat(lineOffset);
    lineOffset += statement.split('\n').length;
    try {
      await driver.execute(leading + statement);
    } catch (e) {
      const raised: RaisedError = { message: messageOf(e), statement, display: describeError(e) };
      if (expected && i < c.statements.length - 1 && mustComeFromLastStatement(expected)) {
        return failed(
          'wrong error message',
          `statement ${i + 1} of ${c.statements.length} failed (the expected error is the last statement's): ${oneLine(raised.display ?? raised.message)}`,
          messageCategory(expected.message ?? ''),
        );
      }
      if (expected) return judgeError(expected, raised);
      return failed(
        'statement rejected',
        `statement ${i + 1} failed: ${oneLine(raised.display ?? raised.message)} — in: ${oneLine(statement, 160)}`,
        messageCategory(raised.display ?? raised.message),
      );
    }
    infos.observe(driver.catalog());
  }

  for (const [i, r] of c.inputs.entries()) {
    const record = encodeInput(infos.get(r.topic), r);
    try {
      await driver.produce(record);
    } catch (e) {
      const raised: RaisedError = { message: messageOf(e), display: describeError(e) };
      if (expected) return judgeError(expected, raised);
      return failed(
        'processing error',
        `input ${i} (${r.topic}) threw: ${oneLine(raised.display ?? raised.message)}`,
        messageCategory(raised.display ?? raised.message),
      );
    }
  }
  const unsettled = await driver.settle();
  const note = (): string => `${processingNote(driver)}${unsettled === undefined ? '' : ` [${unsettled}]`}`;
  infos.observe(driver.catalog());

  if (expected) {
    // Kappa logs a bad record and goes on where Kafka Streams may stop the query with an error;
    // a logged processing error with the expected message counts as the expected failure.
    const errors = driver.processingErrors();
    if (errors.some((pe) => errorMatches(expected, { message: pe.message }))) return PASSED;
    const want = expected.message ?? expected.causeMessage ?? '';
    return failed(
      'expected error not raised',
      `expected an error containing ${JSON.stringify(oneLine(want))}, but nothing failed${note()}`,
      messageCategory(want),
    );
  }

  const outputDiff = await outputsDifference(driver, c, infos);
  if (outputDiff !== undefined)
    return failed('wrong output', `${outputDiff.text}${note()}`, outputDiff.aspect);

  const postDiff = c.post === undefined ? undefined : postDifference(c.post, await driver.postView());
  return postDiff === undefined ? PASSED : failed('post-condition', postDiff);
}

function judgeError(expected: ExpectedError, raised: RaisedError): CaseOutcome {
  if (errorMatches(expected, raised)) return PASSED;
  return failed(
    'wrong error message',
    errorMismatch(expected, raised),
    messageCategory(expected.message ?? ''),
  );
}

/** Records the queries skipped: often the reason outputs are missing. */
function processingNote(driver: CaseTarget): string {
  const errors = driver.processingErrors();
  if (errors.length === 0) return '';
  const shown = errors.slice(0, 2).map((pe) => oneLine(pe.message, 120));
  return ` [${errors.length} processing errors: ${shown.join(' | ')}${errors.length > 2 ? ' | …' : ''}]`;
}

async function outputsDifference(
  driver: CaseTarget,
  c: QttCase,
  infos: TopicInfoCache,
): Promise<Difference | undefined> {
  const byTopic = new Map<string, QttRecord[]>();
  for (const r of c.outputs) byTopic.set(r.topic, [...(byTopic.get(r.topic) ?? []), r]);
  const noInputs = c.inputs.length === 0;
  for (const [topic, expected] of byTopic) {
    const raw = await driver.records(topic);
    const decoded: { partition: number; record: ActualRecord }[] = [];
    if (raw.length > 0) {
      const info = infos.get(topic);
      for (const [i, rec] of raw.entries()) {
        try {
          decoded.push({ partition: rec.partition, record: decodeOutput(info, rec) });
        } catch (e) {
          return { aspect: 'unreadable record', text: `${topic}[${i}] ${messageOf(e)}` };
        }
      }
    }
    const actual = driver.orderedAcrossPartitions
      ? decoded.map((d) => d.record)
      : alignPartitions(expected, decoded, noInputs);
    const d = topicDifference(topic, expected, actual, { noInputs });
    if (d !== undefined) return d;
  }
  return undefined;
}
