import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The councils. Not tenant-owned itself: every tenant-owned table points here through
 * its `authority_id`, which is also the Citus distribution key for a national service.
 */
export const authorities = pgTable('authorities', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Short stable code used in URLs and demo e-mails, e.g. 'demo'. */
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  /** Which nation's law and guidance apply: eligibility framework, SDS options, charging. */
  nation: text('nation', { enum: ['scotland', 'england'] }).notNull(),
  /**
   * Where letters say the council is and how to reach it (every PDF letter's heading and its
   * "how to contact us"). Optional: a council set up before these existed has none until an
   * administrator adds them, and its letters then show only its name.
   */
  addressLine1: text('address_line_1'),
  addressLine2: text('address_line_2'),
  town: text('town'),
  postcode: text('postcode'),
  phone: text('phone'),
  email: text('email'),
  website: text('website'),
  /** A short sentence or two on how to get in touch: opening hours, other formats, text relay. */
  howToContact: text('how_to_contact'),
  /**
   * The data controller, as the council's privacy notice must name it: UK GDPR Article 13(1)(a)
   * asks for the controller's identity and contact details, 13(1)(b) the contact details of the
   * data protection officer (a council, as a public authority, must have one: Article 37(1)(a)).
   * The ICO registration number is the controller's entry on the ICO's register of fee payers
   * (Data Protection (Charges and Information) Regulations 2018), e.g. Z1234567. Optional in the
   * table (councils set up before these existed have none); required when an operator creates one.
   */
  dataControllerName: text('data_controller_name'),
  dataControllerAddress: text('data_controller_address'),
  dataControllerEmail: text('data_controller_email'),
  dataProtectionOfficerEmail: text('data_protection_officer_email'),
  dataProtectionOfficerPhone: text('data_protection_officer_phone'),
  icoRegistrationNumber: text('ico_registration_number'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
