/** What customers of the two demo tenants say, in their own words. Plain data for demo-voice.ts. */

export interface VoiceBank {
  templates: { key: string; name: string; description: string; questions: string[] }[];
  /** Answers by question position (1-based index into the template), good and bad. */
  goodAnswers: string[];
  badAnswers: string[];
  /** `{name}` is replaced by the employee's first name. */
  praise: string[];
  complaintMentions: string[];
  /** Complaint records, with a weight per week index (0 = oldest of 13) to shape the trend. */
  complaints: { body: string; rising?: boolean }[];
  ideas: string[];
  customers: string[];
}

export const VOICE_BANKS: Record<string, VoiceBank> = {
  brewline: {
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
      },
    ],
    goodAnswers: [
      'The flat white was perfect and the barista remembered my usual order.',
      'Lovely atmosphere and quick service, even in the morning rush.',
      'The new seasonal blend is wonderful, really smooth.',
      'Staff were friendly and the tables were spotless.',
      'Our guests loved the cart, the team was cheerful all afternoon.',
      'Great recommendations on beans to brew at home.',
    ],
    badAnswers: [
      'The queue at eight was really long, I waited fifteen minutes.',
      'My oat latte was lukewarm by the time I got it.',
      'The app order was not ready when I arrived at pickup.',
      'It was hard to find a free table at lunch.',
      'The cart ran out of oat milk halfway through the event.',
      'Loyalty points from last week never showed up in the app.',
    ],
    praise: [
      '{name} was so friendly and made my morning.',
      '{name} noticed I was in a rush and got my order out fast.',
      '{name} recommended a new bean and it was wonderful.',
      '{name} remembered my name and my usual, every single time.',
      '{name} stayed calm and kind during a crazy busy rush.',
      '{name} fixed my wrong order without any fuss and added a cookie.',
    ],
    complaintMentions: [
      '{name} seemed distracted and got my order wrong.',
      '{name} was a bit curt when I asked for oat milk.',
      '{name} forgot the extra shot I paid for.',
    ],
    complaints: [
      { body: 'Waited over ten minutes in the queue for a takeaway coffee.', rising: true },
      { body: 'Long waiting times at the counter during the lunch rush.', rising: true },
      { body: 'Coffee was lukewarm when it was served.' },
      { body: 'Mobile order was not ready at the pickup time.' },
      { body: 'Loyalty points missing from the app after my purchase.' },
      { body: 'Card machine was down and the shop was cash only.' },
      { body: 'Tables were sticky and the bins were overflowing.' },
    ],
    ideas: ['Please bring back the oat milk cortado.', 'A quiet corner without music would be great for working.', 'Let us pre-order for the cupping sessions in the app.'],
    customers: ['Hannah Price', 'Marco Bellini', 'Siobhan Kelly', 'Ravi Patel', 'Judith Lowe', 'Kenta Mori', 'Amelia Grant', 'Farah Aziz'],
  },
  voltmart: {
    templates: [
      {
        key: 'delivery',
        name: 'Delivery and installation call',
        description: 'Call a week after a large appliance was delivered.',
        questions: ['How did the delivery and installation go?', 'What did our team do well?', 'What should we improve?'],
      },
      {
        key: 'repair',
        name: 'Repair follow-up call',
        description: 'Call after a warranty repair is closed.',
        questions: ['Is the appliance working as it should now?', 'How was booking and the visit itself?'],
      },
    ],
    goodAnswers: [
      'The installers were careful and took the old washer away.',
      'Everything was explained clearly, including the warranty.',
      'The delivery came right on time and the crew was polite.',
      'The technician fixed the oven on the first visit.',
      'The showroom staff helped me compare three fridges patiently.',
      'Booking the repair online was quick and easy.',
    ],
    badAnswers: [
      'The delivery slot was missed and nobody called us.',
      'The fridge arrived with a dent in the door.',
      'I waited on hold for forty minutes to book a repair.',
      'The installation left a mess in the kitchen.',
      'The refund for my returned kettle still has not arrived.',
      'The technician did not bring the right part and had to come back.',
    ],
    praise: [
      '{name} explained every option without any sales pressure.',
      '{name} and the crew protected our floors and cleaned up after.',
      '{name} called ahead to say they were running early, which was great.',
      '{name} sorted out my warranty claim in one phone call.',
      '{name} was patient with my mum and showed her how the dishwasher works.',
      '{name} went the extra mile and fixed the door alignment too.',
    ],
    complaintMentions: [
      '{name} rushed the installation and left packaging behind.',
      '{name} did not know the return policy and gave me wrong information.',
      '{name} never called back as promised.',
    ],
    complaints: [
      { body: 'Delivery arrived outside the booked time slot.', rising: true },
      { body: 'The delivery was late and nobody called to warn us.', rising: true },
      { body: 'The appliance was delivered damaged.' },
      { body: 'Technician did not show up for the repair appointment.' },
      { body: 'Long hold times on the phone line.' },
      { body: 'Refund for a returned item still not received.' },
      { body: 'Installation left a mess in the kitchen.' },
    ],
    ideas: ['Send a text with the driver location on delivery day.', 'Offer evening delivery slots.', 'Let us book repairs through chat.'],
    customers: ['Gordon Blake', 'Aylin Demir', 'Peter Novak', 'Chiamaka Eze', 'Louise Martin', 'Sanjay Rao', 'Maria Lopez', 'Tom Fischer'],
  },
};
