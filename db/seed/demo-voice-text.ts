/**
 * The survey templates of the two demo trades. What customers say is generated from
 * db/seed/demo-phrases.ts (templates x fillers x customer details), so it rarely repeats.
 */
import type { ServiceTheme, Trade } from './demo-phrases.ts';

export interface VoiceBank {
  trade: Trade;
  /** `themes`: what customers talk about on this kind of call (default: every theme). */
  templates: { key: string; name: string; description: string; questions: string[]; themes?: ServiceTheme[] }[];
}

export const VOICE_BANKS: Record<string, VoiceBank> = {
  brewline: {
    trade: 'cafe',
    templates: [
      {
        key: 'visit',
        name: 'Regulars check-in call',
        description: 'Monthly call to loyalty-app regulars about their recent visits.',
        questions: ['What stood out about your last visit?', 'Was anything harder than it should have been?', 'If you could change one thing about us, what would it be?'],
      },
      {
        key: 'events',
        name: 'Event follow-up call',
        description: 'Call to clients the day after the coffee cart served their event.',
        questions: ['How did the coffee cart work for your guests?', 'What should we do differently next time?'],
        themes: ['delivery', 'staff_attitude', 'product_quality', 'order_accuracy', 'waiting_time', 'price_value', 'trade_specific'],
      },
    ],
  },
  voltmart: {
    trade: 'appliances',
    templates: [
      {
        key: 'delivery',
        name: 'Delivery and installation call',
        description: 'Call a week after a large appliance was delivered.',
        questions: ['How did the delivery and installation go?', 'What did our team do well?', 'What should we improve?'],
        themes: ['delivery', 'product_condition', 'cleanliness', 'staff_attitude', 'order_accuracy', 'trade_specific', 'digital_channels'],
      },
      {
        key: 'repair',
        name: 'Repair follow-up call',
        description: 'Call after a warranty repair is closed.',
        questions: ['Is the appliance working as it should now?', 'How was booking and the visit itself?'],
        themes: ['trade_specific', 'waiting_time', 'product_quality', 'staff_attitude', 'digital_channels', 'refunds', 'cleanliness'],
      },
    ],
  },
};
