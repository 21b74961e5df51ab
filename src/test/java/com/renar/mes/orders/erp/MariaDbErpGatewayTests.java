package com.renar.mes.orders.erp;

/** The database adapter against the MariaDB on this machine (127.0.0.1:3306, root, no password). */
class MariaDbErpGatewayTests extends JdbcErpGatewayContract {

    @Override
    String serverName() {
        return "MariaDB";
    }

    @Override
    int port() {
        return 3306;
    }

    @Override
    String adminUrl() {
        return "jdbc:mariadb://127.0.0.1:3306/";
    }

    @Override
    String databaseUrl(String database, int port) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database + "?connectTimeout=5000";
    }

    @Override
    String user() {
        return "root";
    }

    @Override
    String timestampType() {
        return "datetime(6)";
    }

    @Override
    String dropDatabase(String database) {
        return "drop database if exists " + database;
    }
}
