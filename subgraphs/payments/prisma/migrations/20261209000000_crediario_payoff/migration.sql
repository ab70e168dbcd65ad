-- Early settlement of crediário installments: the installments a charge pays, with what each costs that day.
ALTER TABLE "charges" ADD COLUMN "payoff" JSONB;
