package com.payfunctions;

import com.payfunctions.model.Store;
import com.payfunctions.param.ListParams;
import com.payfunctions.param.StoreCreateParams;

/** Stores and their printable QR codes: {@code /v1/stores}. */
public final class StoreService extends ApiService {
    StoreService(ApiRequestor requestor) {
        super(requestor);
    }

    public Store create(StoreCreateParams params) {
        return create(params, RequestOptions.none());
    }

    public Store create(StoreCreateParams params, RequestOptions options) {
        return send("/v1/stores", params, options, Store.class);
    }

    public Page<Store> list(ListParams params) {
        return fetchPagedList("/v1/stores", params, Store.class);
    }

    public Page<Store> list() {
        return list(null);
    }

    public Store retrieve(String id) {
        return fetch("/v1/stores/" + id(id), null, Store.class);
    }

    /** The store's QR code as a PNG image. */
    public byte[] qrPng(String id) {
        return fetchBytes("/v1/stores/" + id(id) + "/qr.png");
    }

    /** The store's QR code as an SVG image (UTF-8 XML). */
    public byte[] qrSvg(String id) {
        return fetchBytes("/v1/stores/" + id(id) + "/qr.svg");
    }
}
