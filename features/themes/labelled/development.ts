/**
 * DEVELOPMENT labelled texts: read freely while writing and tuning the rules (the held-out set in
 * held-out.ts is not). Same keys and conventions as held-out.ts.
 */
import { labelled, type LabelledText } from './types.ts';

const cafe = labelled('cafe', [
  // waiting time
  ['Waited nearly half an hour for two coffees on a quiet Tuesday.', 'waiting-time', null, 1, 'negative'],
  ['The queue barely moved, twelve people and one barista making everything.', 'waiting-time', null, 2, 'negative'],
  ['So slow this morning, I was late for work because of your coffee.', 'waiting-time', null, 2, 'negative'],
  ['Took ages to get served even though the place was empty.', 'waiting-time', null, 2, 'negative'],
  ['Fast service even at the 8am rush, impressive.', 'waiting-time', null, 5, 'positive'],
  ['Quick and friendly, had my cortado in under two minutes.', 'waiting-time', 'staff-attitude', 5, 'positive'],
  ['Stood there like a lemon for 10 mins while they restocked the fridge.', 'waiting-time', null, 2, 'negative'],
  ['Oh great, a 25 minute wait for toast. Fantastic.', 'waiting-time', null, 1, 'negative'],
  ['Mobile order said 5 minutes, it was more like 20.', 'waiting-time', 'digital-channels', 2, 'negative'],
  ['Waiting times at lunch are getting worse every week.', 'waiting-time', null, 2, 'negative'],
  ['Nobody behind the counter for ages, had to shout to get attention.', 'waiting-time', null, 2, 'negative'],
  // order accuracy
  ['Got a cappuccino when I clearly ordered a latte.', 'order-accuracy', null, 2, 'negative'],
  ['They forgot the syrup and the sandwich was missing from my bag.', 'order-accuracy', null, 2, 'negative'],
  ['Wrong order twice in one week, it is becoming a habit.', 'order-accuracy', null, 1, 'negative'],
  ['I asked for no sugar and it was sweet as anything.', 'order-accuracy', null, 2, 'negative'],
  ['My oat flat white came with dairy milk, not great when you are allergic.', 'order-accuracy', null, 1, 'negative'],
  ['Order was spot on even with all my fussy changes.', 'order-accuracy', null, 5, 'positive'],
  ['They mixed up our drinks with the table next to us.', 'order-accuracy', null, 3, 'negative'],
  ['Ordered a large and was charged for a large but got a small.', 'order-accuracy', 'price-value', 2, 'negative'],
  // staff attitude
  ['The girl at the counter was so rude when I asked for a receipt.', 'staff-attitude', null, 1, 'negative'],
  ['Ben is always smiling, he makes my morning.', 'staff-attitude', null, 5, 'positive'],
  ['Manager was dismissive and did not even apologise.', 'staff-attitude', null, 1, 'negative'],
  ['Really warm welcome from the team, they know everyone by name.', 'staff-attitude', null, 5, 'positive'],
  ['Barista was on her phone the whole time I was waiting to pay.', 'staff-attitude', null, 2, 'negative'],
  ['Staff were lovely with my elderly dad and helped him to a seat.', 'staff-attitude', null, 5, 'positive'],
  ['The guy on the till made a sarcastic comment about my order.', 'staff-attitude', null, 2, 'negative'],
  ['Not the friendliest bunch, nobody said hello or thank you.', 'staff-attitude', null, 2, 'negative'],
  ['Sofia went out of her way to make a gluten free option for my son.', 'staff-attitude', null, 5, 'positive'],
  // food and drink quality
  ['The coffee was cold and the milk tasted off.', 'food-drink-quality', null, 1, 'negative'],
  ['Soup was bland and the bread was stale.', 'food-drink-quality', null, 2, 'negative'],
  ['Delicious carrot cake, moist and not too sweet.', 'food-drink-quality', null, 5, 'positive'],
  ['Espresso was bitter and burnt, like they had not cleaned the machine.', 'food-drink-quality', null, 2, 'negative'],
  ['The tea was stewed and the scone was dry as a bone.', 'food-drink-quality', null, 2, 'negative'],
  ['Lovely smooth coffee, best in the area.', 'food-drink-quality', null, 5, 'positive'],
  ['Panini was burnt on the outside and still frozen in the middle.', 'food-drink-quality', null, 1, 'negative'],
  ['My hot chocolate was barely warm.', 'food-drink-quality', null, 2, 'negative'],
  ['The beans have changed and the coffee now tastes like dishwater.', 'food-drink-quality', null, 2, 'negative'],
  ['Found a hair in my salad.', 'food-drink-quality', 'cleanliness', 1, 'negative'],
  // cleanliness
  ['Crumbs and dirty cups on every table, nobody cleared them.', 'cleanliness', null, 2, 'negative'],
  ['The bathroom smelled awful and the floor was wet.', 'cleanliness', null, 2, 'negative'],
  ['Milk jugs looked grimy and the counter was covered in spills.', 'cleanliness', null, 2, 'negative'],
  ['Always clean and tidy, even at busy times.', 'cleanliness', null, 5, 'positive'],
  ['Saw a mouse run behind the counter. Not coming back.', 'cleanliness', null, 1, 'negative'],
  // price and value
  ['Six quid for a coffee and a biscuit, are you serious.', 'price-value', null, 2, 'negative'],
  ['The new prices are too steep for a daily coffee.', 'price-value', null, 2, 'negative'],
  ['Charged extra for oat milk, which other places give for free.', 'price-value', null, 2, 'negative'],
  ['Great value, big portions and fair prices.', 'price-value', null, 5, 'positive'],
  ['Not worth the money, tiny cup and mostly ice.', 'price-value', null, 2, 'negative'],
  // digital channels
  ['The app took my money but the order never showed up in the shop.', 'digital-channels', null, 1, 'negative'],
  ['Could not log in to the app to use my rewards.', 'digital-channels', null, 2, 'negative'],
  ['Contactless was not working so I had to go to a cash machine.', 'digital-channels', null, 2, 'negative'],
  ['The website shows the wrong opening hours, turned up to a closed shop.', 'digital-channels', null, 2, 'negative'],
  ['Ordering on the app is so easy now, love the new update.', 'digital-channels', null, 5, 'positive'],
  ['Free wifi never works, kept dropping out.', 'digital-channels', null, 3, 'negative'],
  // stock
  ['Sold out of sandwiches by noon again.', 'stock-availability', null, 2, 'negative'],
  ['There was no decaf at all and no soya milk either.', 'stock-availability', null, 2, 'negative'],
  ['Half the menu was unavailable today.', 'stock-availability', null, 2, 'negative'],
  // delivery, condition, refunds
  ['Our catering order for the meeting turned up forty minutes after it started.', 'delivery', null, 1, 'negative'],
  ['The courier dropped the coffee order at the wrong building.', 'delivery', null, 2, 'negative'],
  ['The cups leaked all over the carrier bag on the way home.', 'product-condition', null, 2, 'negative'],
  ['The cake box was squashed and the icing ruined.', 'product-condition', null, 2, 'negative'],
  ['Refused to replace my drink when I said it was wrong.', 'refunds-returns', 'order-accuracy', 1, 'negative'],
  ['Got a refund for the cold soup without any questions.', 'refunds-returns', null, 4, 'positive'],
  // no theme
  ['Thank you, see you next week!', null, null, 5, 'positive'],
  ['Just popped in for a quick catch up with Maria.', null, null, 4, 'neutral'],
  ['We come here every Friday after school.', null, null, 4, 'neutral'],
  ['Can not wait to come back next weekend!', null, null, 5, 'positive'],
  ['Nice vibe, good playlist, we stayed for hours.', null, null, 5, 'positive'],
  ['The parking nearby is always full.', null, null, 3, 'negative'],
  // sarcasm, negation, mixed
  ['Wow, only forty minutes for a flat white, new record.', 'waiting-time', null, 1, 'negative'],
  ['The barista was not rude at all, just very busy.', 'staff-attitude', null, 4, 'positive'],
  ['Lovely staff but the coffee was awful.', 'food-drink-quality', 'staff-attitude', 2, 'negative'],
  ['Cheers for the burnt toast /s', 'food-drink-quality', null, 1, 'negative'],
  ['Never had a bad coffee here.', 'food-drink-quality', null, 5, 'positive'],
  ['Dirty tables and we waited 20 minutes for service.', 'cleanliness', 'waiting-time', 2, 'negative'],
]);

const retail = labelled('retail', [
  // waiting
  ['Took twenty minutes to pay, the queue snaked round the whole store.', 'waiting-time', null, 1, 'negative'],
  ['Waited at the fitting rooms for ages because nobody was there to let us in.', 'waiting-time', null, 2, 'negative'],
  ['Only two tills open on a bank holiday weekend, madness.', 'waiting-time', null, 2, 'negative'],
  ['Was on hold for an hour trying to reach customer services.', 'waiting-time', null, 1, 'negative'],
  ['In and out in five minutes, the new tills are quick.', 'waiting-time', null, 5, 'positive'],
  ['No queue at all, paid straight away.', 'waiting-time', null, 5, 'positive'],
  // delivery
  ['My parcel went to the wrong address and the courier says it was delivered.', 'delivery', null, 1, 'negative'],
  ['Delivery was three days late and nobody told me.', 'delivery', null, 2, 'negative'],
  ['Next day delivery actually came next day, well done.', 'delivery', null, 5, 'positive'],
  ['The tracking has not updated in a week.', 'delivery', null, 2, 'negative'],
  ['Driver threw my package over the gate.', 'delivery', 'product-condition', 1, 'negative'],
  ['Still no sign of my order after ten days.', 'delivery', null, 1, 'negative'],
  // order accuracy
  ['I ordered two pairs of socks and received one.', 'order-accuracy', null, 2, 'negative'],
  ['Sent me a size 12 instead of a size 8.', 'order-accuracy', null, 2, 'negative'],
  ['Got someone elses order in my bag with their name on it.', 'order-accuracy', null, 2, 'negative'],
  ['The lamp in the box was a completely different model from the one I picked.', 'order-accuracy', null, 2, 'negative'],
  ['Everything I ordered was there and correct, thank you.', 'order-accuracy', null, 5, 'positive'],
  // staff
  ['The assistant was chewing gum and could not be bothered to help.', 'staff-attitude', null, 2, 'negative'],
  ['Really helpful staff on the shoe section, they measured my daughter properly.', 'staff-attitude', null, 5, 'positive'],
  ['Was talked down to by the manager when I asked a simple question.', 'staff-attitude', null, 1, 'negative'],
  ['Cashier was lovely and chatted to my little boy.', 'staff-attitude', null, 5, 'positive'],
  ['Staff seem miserable and avoid eye contact.', 'staff-attitude', null, 2, 'negative'],
  ['Kwame helped me carry everything to the car, such a kind gesture.', 'staff-attitude', null, 5, 'positive'],
  ['They accused my son of shoplifting in front of everyone.', 'staff-attitude', null, 1, 'negative'],
  // product condition
  ['Shoes arrived scuffed and one lace was missing.', 'product-condition', null, 2, 'negative'],
  ['The glass bowl was shattered when I opened the box.', 'product-condition', null, 1, 'negative'],
  ['Jacket had make up marks all over it, clearly someone had returned it.', 'product-condition', null, 2, 'negative'],
  ['The mirror came with a crack right across it.', 'product-condition', null, 2, 'negative'],
  // refunds
  ['Your returns policy is a joke, 14 days and only with the tags on.', 'refunds-returns', null, 2, 'negative'],
  ['They refused to exchange a faulty toaster without the box.', 'refunds-returns', null, 1, 'negative'],
  ['I returned the coat a month ago and still have not been refunded.', 'refunds-returns', null, 1, 'negative'],
  ['Exchange was painless, swapped sizes in two minutes.', 'refunds-returns', null, 5, 'positive'],
  ['Money back within three days, very impressed.', 'refunds-returns', null, 5, 'positive'],
  // quality
  ['The trainers started peeling after a month.', 'product-quality', null, 2, 'negative'],
  ['Colour ran in the first wash and turned everything pink.', 'product-quality', null, 1, 'negative'],
  ['The zip broke the first time I used it.', 'product-quality', null, 1, 'negative'],
  ['Solid, well made and feels expensive.', 'product-quality', null, 5, 'positive'],
  ['Cheap plastic toy, broke on Christmas morning.', 'product-quality', null, 1, 'negative'],
  ['The duvet is thin and flat, nothing like the picture.', 'product-quality', null, 2, 'negative'],
  // price
  ['Sale sign said 50 percent off but the till charged full price.', 'price-value', null, 2, 'negative'],
  ['Way too expensive for supermarket quality.', 'price-value', null, 2, 'negative'],
  ['Great bargains in the clearance section.', 'price-value', null, 5, 'positive'],
  ['They charge for carrier bags now and the prices keep creeping up.', 'price-value', null, 3, 'negative'],
  ['Price match promise is a con, they always find an excuse.', 'price-value', null, 2, 'negative'],
  // cleanliness
  ['Floors were filthy and there was a funny smell near the entrance.', 'cleanliness', null, 2, 'negative'],
  ['Fitting rooms were full of hangers and empty bottles.', 'cleanliness', null, 2, 'negative'],
  ['Really clean and well organised store.', 'cleanliness', null, 5, 'positive'],
  // digital
  ['The app said my click and collect was ready but they could not find it.', 'digital-channels', null, 2, 'negative'],
  ['Website crashed during the sale and my basket emptied.', 'digital-channels', null, 1, 'negative'],
  ['My discount code was rejected online but worked in store.', 'digital-channels', null, 2, 'negative'],
  ['Could not reset my password, the email never came.', 'digital-channels', null, 2, 'negative'],
  ['Self scan app is brilliant, saves so much time.', 'digital-channels', null, 5, 'positive'],
  // stock
  ['The advertised offer items were never in stock.', 'stock-availability', null, 2, 'negative'],
  ['Shelves were half empty, no bread and no milk.', 'stock-availability', null, 2, 'negative'],
  ['Everything I wanted was out of stock in my size.', 'stock-availability', null, 2, 'negative'],
  ['Good range and always well stocked.', 'stock-availability', null, 5, 'positive'],
  // sizing
  ['These trousers come up really small, had to go two sizes up.', 'sizing-fit', null, 2, 'negative'],
  ['The shoes are a half size too big even though I ordered my usual.', 'sizing-fit', null, 3, 'negative'],
  ['Dress was huge on the waist but tight on the shoulders.', 'sizing-fit', null, 2, 'negative'],
  ['Size guide was spot on, fits like a glove.', 'sizing-fit', null, 5, 'positive'],
  // none
  ['Went shopping with my mum for her birthday.', null, null, 4, 'neutral'],
  ['Brilliant, as always.', null, null, 5, 'positive'],
  ['Love this place!', null, null, 5, 'positive'],
  ['The lift to the car park was out of order.', null, null, 3, 'negative'],
  // sarcasm, negation, mixed
  ['Fantastic, another parcel left in the rain. Thanks a lot.', 'delivery', null, 1, 'negative'],
  ['Oh sure, "next day delivery". Five days and counting.', 'delivery', null, 1, 'negative'],
  ['Not expensive at all considering the quality.', 'price-value', 'product-quality', 5, 'positive'],
  ['The staff were helpful but the refund took six weeks.', 'refunds-returns', 'staff-attitude', 2, 'negative'],
  ['Nice shop but rude staff and a long queue.', 'staff-attitude', 'waiting-time', 2, 'negative'],
]);

const appliances = labelled('appliances', [
  // installation
  ['The installers broke a tile and left without telling us.', 'installation', null, 1, 'negative'],
  ['Installation was booked for Monday, nobody came, rebooked for Friday, nobody came.', 'installation', null, 1, 'negative'],
  ['They connected the oven but never tested it, the grill does not work.', 'installation', null, 2, 'negative'],
  ['Fitted our new hob perfectly and took the old one away.', 'installation', null, 5, 'positive'],
  ['Washing machine was installed without the transit bolts removed, it shook itself across the room.', 'installation', null, 1, 'negative'],
  ['Installer refused to fit the cooker because of a socket, wasted day.', 'installation', null, 2, 'negative'],
  ['Two guys set up the American fridge freezer in no time, really careful with the floor.', 'installation', null, 5, 'positive'],
  // repairs and warranty
  ['Engineer came out, said it needs a part, and we have heard nothing for a fortnight.', 'repairs-warranty', null, 1, 'negative'],
  ['The warranty does not cover the motor apparently, what a con.', 'repairs-warranty', null, 1, 'negative'],
  ['Repair sorted under guarantee within the week, no cost to us.', 'repairs-warranty', null, 5, 'positive'],
  ['Third repair visit on the same dryer, it still will not heat.', 'repairs-warranty', null, 1, 'negative'],
  ['Technician was excellent, explained the fault and fixed it on the spot.', 'repairs-warranty', null, 5, 'positive'],
  ['Your repair department never answers the phone.', 'repairs-warranty', null, 1, 'negative'],
  ['Claimed on the guarantee and they want me to pay for the call out.', 'repairs-warranty', null, 2, 'negative'],
  // delivery
  ['The delivery men were two hours late and did not call.', 'delivery', null, 2, 'negative'],
  ['They delivered the washer to my neighbour by mistake.', 'delivery', null, 2, 'negative'],
  ['Delivery was booked for Saturday and moved to Wednesday without asking.', 'delivery', null, 1, 'negative'],
  ['Delivered on time and carried upstairs, top job.', 'delivery', null, 5, 'positive'],
  ['Driver refused to bring the fridge inside the house.', 'delivery', null, 1, 'negative'],
  // product condition
  ['Microwave had a big scratch across the glass when we unboxed it.', 'product-condition', null, 2, 'negative'],
  ['The freezer door was dented on arrival.', 'product-condition', null, 2, 'negative'],
  ['Box looked like it had been dropped and the control panel was cracked.', 'product-condition', null, 1, 'negative'],
  ['Arrived in perfect condition, well packed.', 'product-condition', null, 5, 'positive'],
  // quality
  ['The fridge is so loud it keeps us awake at night.', 'product-quality', null, 2, 'negative'],
  ['Blender motor burnt out after three uses.', 'product-quality', null, 1, 'negative'],
  ['The seal on the washing machine door perished within a year.', 'product-quality', null, 2, 'negative'],
  ['Oven heats evenly and the timer is easy to use.', 'product-quality', null, 5, 'positive'],
  ['Dryer takes three hours and clothes are still damp, rubbish machine.', 'product-quality', null, 1, 'negative'],
  ['Coffee machine leaks water all over the worktop.', 'product-quality', null, 2, 'negative'],
  // price
  ['Paid premium price for a machine that feels cheap.', 'price-value', 'product-quality', 2, 'negative'],
  ['Found it 150 cheaper online a day after buying.', 'price-value', null, 2, 'negative'],
  ['Delivery charge was more than the kettle.', 'price-value', null, 2, 'negative'],
  ['Good price and free installation, cannot complain.', 'price-value', null, 5, 'positive'],
  // refunds
  ['They will not refund the faulty dishwasher, only repair it again.', 'refunds-returns', 'repairs-warranty', 1, 'negative'],
  ['Tried to return an unopened hoover and they said no.', 'refunds-returns', null, 2, 'negative'],
  ['Full refund came through quickly after the cancellation.', 'refunds-returns', null, 5, 'positive'],
  // staff
  ['The sales assistant clearly knew nothing about the products.', 'staff-attitude', null, 2, 'negative'],
  ['The woman on the helpline was patronising and rude.', 'staff-attitude', null, 1, 'negative'],
  ['Tom in store was so helpful and honest, talked me out of the pricier model.', 'staff-attitude', null, 5, 'positive'],
  ['Staff ignored us for ten minutes while they chatted.', 'staff-attitude', 'waiting-time', 2, 'negative'],
  // waiting
  ['Forty five minutes in the phone queue to book a delivery.', 'waiting-time', null, 1, 'negative'],
  ['Had to wait six weeks for the cooker to come in.', 'waiting-time', null, 2, 'negative'],
  // order accuracy
  ['We ordered a black oven and got a stainless steel one.', 'order-accuracy', null, 2, 'negative'],
  ['The order was missing the extractor hood we paid for.', 'order-accuracy', null, 2, 'negative'],
  ['They delivered the wrong size fridge, it does not fit the gap.', 'order-accuracy', null, 2, 'negative'],
  // digital
  ['Your website let me book a slot that did not exist.', 'digital-channels', null, 2, 'negative'],
  ['Paid online, got no confirmation email and no order number.', 'digital-channels', null, 2, 'negative'],
  ['The app tracking for the engineer visit is handy.', 'digital-channels', null, 4, 'positive'],
  // stock
  ['Every washer I liked was out of stock until next month.', 'stock-availability', null, 2, 'negative'],
  ['Spare filters are never available.', 'stock-availability', null, 2, 'negative'],
  // cleanliness
  ['The engineer left greasy marks all over the kitchen.', 'cleanliness', 'repairs-warranty', 2, 'negative'],
  ['The store toilets were disgusting.', 'cleanliness', null, 2, 'negative'],
  // none
  ['Bought a new fridge for the holiday cottage.', null, null, 4, 'neutral'],
  ['Would recommend to friends and family.', null, null, 5, 'positive'],
  ['Looking at ovens for the new kitchen next year.', null, null, 3, 'neutral'],
  ['Excellent, thank you so much!', null, null, 5, 'positive'],
  // sarcasm, negation, mixed
  ['Great job lads, the new washer flooded the kitchen. Really great.', 'installation', null, 1, 'negative'],
  ['Thanks for nothing, the warranty is worthless.', 'repairs-warranty', null, 1, 'negative'],
  ['The repair was not bad, but it took a month to arrange.', 'repairs-warranty', 'waiting-time', 3, 'neutral'],
  ['Yeah right, "free delivery", then a £40 handling fee.', 'price-value', null, 1, 'negative'],
  ['Delivery guys were not careless at all, wrapped everything.', 'delivery', null, 5, 'positive'],
]);

export const DEVELOPMENT: readonly LabelledText[] = [...cafe, ...retail, ...appliances];
