import { expect } from '@open-wc/testing';

/**
 * What every profile form's time-zone list offers (the kit's one list,
 * `internal/profile-form.ts`): "none" first, the US zones by name, then
 * every other zone the browser knows; `selected` is the value shown.
 */
export function expectTimeZoneList(select: HTMLSelectElement, selected: string): void {
  expect(select.value, 'the selected time zone').to.equal(selected);
  expect(select.options[0]!.value, 'the first option is "none"').to.equal('');
  const groups = [...select.querySelectorAll('optgroup')];
  expect(groups.map((group) => group.label)).to.deep.equal(['United States', 'Other time zones']);
  const us = [...groups[0]!.querySelectorAll('option')];
  expect(us[0]!.value).to.equal('America/New_York');
  expect(us[0]!.textContent!.trim()).to.equal('Eastern Time (New York)');
  expect(us.find((option) => option.value === 'America/Boise')?.textContent?.trim()).to.equal('Mountain Time (Boise)');
  const others = [...groups[1]!.querySelectorAll('option')].map((option) => option.value);
  expect(others.length, 'every other zone the browser knows').to.be.greaterThan(100);
  expect(others).to.include('Europe/Paris');
  expect(others).to.not.include('America/New_York');
}
