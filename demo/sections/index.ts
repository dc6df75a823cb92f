import type { TemplateResult } from 'lit';
import type { MemoryAdapter } from '../../src/adapter/memory/index.js';
import type { PartnerKitAdapter } from '../../src/adapter/types.js';
import type { DemoState } from '../state.js';
import { adapterSection } from './adapter-section.js';
import { badgesSection } from './badges-section.js';
import { partnerTableSection } from './partner-table-section.js';
import { partnerRegistrationSection } from './partner-registration-section.js';
import { settingsSection } from './settings-section.js';
import { inviteWizardSection } from './invite-wizard-section.js';
import { sharedClientsSection } from './shared-clients-section.js';
import { partnerDealBoardSection } from './partner-deal-board-section.js';

export interface DemoContext {
  state: DemoState;
  /** What the elements use: the REST adapter over MSW, or the memory adapter directly. */
  adapter: PartnerKitAdapter;
  /** Which adapter the elements really use (REST falls back to memory when MSW cannot start). */
  transport: 'rest' | 'memory';
  /** The store behind everything (for live-update buttons). */
  memory: MemoryAdapter;
}

export interface DemoSection {
  id: string;
  title: string;
  render(context: DemoContext): TemplateResult;
}

/** One entry per element; each element's issue adds its section here. */
export const SECTIONS: DemoSection[] = [adapterSection, badgesSection, partnerTableSection, inviteWizardSection, sharedClientsSection, settingsSection, partnerRegistrationSection, partnerDealBoardSection];
