// The hosted payment page's card field in Stripe.js mode: Stripe's Elements iframe collects the card (the gateway never
// sees card data); on submit a PaymentMethod is created and its id is posted with the form.
(function () {
  'use strict';
  var form = document.getElementById('card-form');
  if (!form || !window.Stripe) {
    return;
  }
  var stripe = window.Stripe(form.getAttribute('data-publishable-key'));
  var card = stripe.elements().create('card');
  card.mount('#card-element');
  var errors = document.getElementById('card-errors');
  form.addEventListener('submit', function (event) {
    if (document.getElementById('payment-method').value) {
      return;
    }
    event.preventDefault();
    stripe.createPaymentMethod({type: 'card', card: card}).then(function (result) {
      if (result.error) {
        errors.textContent = result.error.message;
        return;
      }
      document.getElementById('payment-method').value = result.paymentMethod.id;
      form.submit();
    });
  });
})();
