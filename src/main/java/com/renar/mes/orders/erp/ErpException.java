package com.renar.mes.orders.erp;

/**
 * The ERP could not be used. The subtype says whether trying again later may help ({@link
 * ErpUnavailableException}) or not before someone fixes something ({@link ErpProtocolException}). Messages are
 * for logs and operators; they never carry credentials.
 */
public abstract class ErpException extends RuntimeException {

    protected ErpException(String message, Throwable cause) {
        super(message, cause);
    }
}
