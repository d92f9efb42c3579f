// Builds the seed state of the sandbox business. Generated once per process and copied for each sandbox, so a
// reset or a fresh start costs a structured clone, not a regeneration.
import { STATE_VERSION, type SandboxState } from '../model';
import { generateActivity } from './activity';
import * as business from './business';
import { generateClients } from './clients';
import { generateWorkingHours } from './hours';
import { generateRecords } from './records';
import { SeededRandom } from './random';

/** The chain id doubles as the generator's seed: any fixed number works, this one reads as intentional. */
const SEED = business.CHAIN_ID;

let cached: SandboxState | undefined;

export function createSeedState(): SandboxState {
  cached ??= buildSeedState();
  return structuredClone(cached);
}

function buildSeedState(): SandboxState {
  const random = new SeededRandom(SEED);
  const clients = generateClients(random);
  const workingHours = generateWorkingHours(business.staff);
  const activity = generateActivity(random, business.staff, business.services, clients, workingHours);
  return {
    version: STATE_VERSION,
    collections: {
      users: business.users,
      chains: business.chains,
      locations: business.locations,
      serviceCategories: business.serviceCategories,
      services: business.services,
      positions: business.positions,
      staff: business.staff,
      clients,
      appointments: activity.appointments,
      loyaltyPrograms: business.loyaltyPrograms,
      loyaltyCardTypes: business.loyaltyCardTypes,
      loyaltyCards: activity.loyaltyCards,
      loyaltyTransactions: activity.loyaltyTransactions,
      giftCardTypes: business.giftCardTypes,
      giftCards: activity.giftCards,
      membershipTypes: business.membershipTypes,
      memberships: activity.memberships,
      deposits: activity.deposits,
      depositTransactions: activity.depositTransactions,
      productCategories: business.productCategories,
      products: business.products,
      storages: business.storages,
      stockDocuments: activity.stockDocuments,
      goodsTransactions: activity.goodsTransactions,
      accounts: business.accounts,
      financeTransactions: activity.financeTransactions,
      customFields: business.customFields,
      tags: business.tags,
      workingHours,
      scheduleDays: [],
      events: activity.events,
      records: generateRecords(),
    },
  };
}
