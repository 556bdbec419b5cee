-- The bridge keeps its own state apart from the POS data.
CREATE DATABASE pogo OWNER pogo;
