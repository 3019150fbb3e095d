/**
 * Block Kit limits (https://docs.slack.dev/reference/block-kit) checked over any message, modal or
 * Home view: block counts, text lengths, option counts. Empty list = within every limit.
 */
const TEXT_LIMITS: Record<string, number> = { section: 3000, header: 150, context: 3000 };

/** The problems of a view (modal or home) or a message's blocks. */
export function blockKitProblems(view: { type?: string; blocks: unknown[]; title?: { text: string }; private_metadata?: string; submit?: { text: string }; close?: { text: string } }): string[] {
  const problems: string[] = [];
  const maxBlocks = view.type === 'modal' || view.type === 'home' ? 100 : 50;
  if (view.blocks.length > maxBlocks) problems.push(`${view.blocks.length} blocks > ${maxBlocks}`);
  for (const [name, value] of [['title', view.title], ['submit', view.submit], ['close', view.close]] as const) {
    if (value && value.text.length > 24) problems.push(`${name} longer than 24`);
  }
  if ((view.private_metadata ?? '').length > 3000) problems.push('private_metadata longer than 3000');
  const ids = new Set<string>();
  for (const raw of view.blocks) {
    const block = raw as Record<string, unknown>;
    const limit = TEXT_LIMITS[String(block.type)];
    const text = (block.text as { text?: string } | undefined)?.text ?? '';
    if (limit && text.length > limit) problems.push(`${String(block.type)} text ${text.length} > ${limit}`);
    if (typeof block.block_id === 'string') {
      if (block.block_id.length > 255) problems.push('block_id longer than 255');
      if (ids.has(block.block_id)) problems.push(`duplicate block_id ${block.block_id}`);
      ids.add(block.block_id);
    }
    if (block.type === 'input') {
      if (((block.label as { text: string }).text ?? '').length > 2000) problems.push('input label longer than 2000');
      if (((block.hint as { text?: string } | undefined)?.text ?? '').length > 2000) problems.push('hint longer than 2000');
      problems.push(...elementProblems(block.element as Record<string, unknown>));
    }
    if (block.type === 'actions') {
      const elements = block.elements as Array<Record<string, unknown>>;
      if (elements.length > 25) problems.push('actions block with more than 25 elements');
      for (const element of elements) problems.push(...elementProblems(element));
    }
    if (block.accessory) problems.push(...elementProblems(block.accessory as Record<string, unknown>));
    if (block.type === 'context' && (block.elements as unknown[]).length > 10) problems.push('context with more than 10 elements');
  }
  return problems;
}

function elementProblems(element: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (typeof element.action_id === 'string' && element.action_id.length > 255) problems.push('action_id longer than 255');
  const text = (element.text as { text?: string } | undefined)?.text;
  if (element.type === 'button' && (text ?? '').length > 75) problems.push('button text longer than 75');
  if (typeof element.value === 'string' && element.value.length > 2000) problems.push('button value longer than 2000');
  const placeholder = (element.placeholder as { text?: string } | undefined)?.text ?? '';
  if (placeholder.length > 150) problems.push('placeholder longer than 150');
  const options = (element.options as Array<{ text: { text: string }; value: string }> | undefined) ?? [];
  const max = element.type === 'checkboxes' || element.type === 'radio_buttons' ? 10 : 100;
  if (options.length > max) problems.push(`${String(element.type)} with ${options.length} options > ${max}`);
  for (const option of [...options, ...((element.initial_options as typeof options | undefined) ?? []), ...(element.initial_option ? [element.initial_option as (typeof options)[number]] : [])]) {
    if (option.text.text.length > 75) problems.push(`option text longer than 75: ${option.text.text}`);
    if (option.value.length > 150) problems.push('option value longer than 150');
  }
  if (element.type === 'timepicker' && element.initial_time !== undefined && !/^([01]\d|2[0-3]):[0-5]\d$/.test(String(element.initial_time))) {
    problems.push(`initial_time ${String(element.initial_time)} is not HH:mm`);
  }
  return problems;
}
