package io.scanwatch.notifier.delivery;

import java.util.Optional;

class InMemoryDeliveryStoreTest extends DeliveryStoreContract {

  private InMemoryDeliveryStore store;

  @Override
  protected DeliveryStore emptyStore() {
    store = new InMemoryDeliveryStore();
    return store;
  }

  @Override
  protected Optional<Delivery> find(String id) {
    return store.find(id);
  }
}
