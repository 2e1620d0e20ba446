"""Text as clerks paste it into the paragraph boxes, for the domain and the window tests."""

# as a PDF viewer copies seed 003's 立项背景: every line of the page ends in a line break
PDF = ("　　为深入实施创新驱动发展战略，加快推进我县科技型中小企业发展，根据《××县科技\n"
       "型中小企业培育计划》，县科技局安排专项资金用于企业研发补助、科技成果转化和高新技\n"
       "术企业培育。\n"
       "一、项目基本情况\n"
       "　　项目资金到位率100%，执行率98.5%，完成了年初设定的各项目标，其中新增高新技术企\n"
       "业3家。")
